/** What each rule id means, in the portal's language. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  'applications-balance': '申请数量不平衡（新收＋结转≠办理＋结转下年）',
  'row-total': '行合计与总计不符',
  'results-total': '办理结果总计与各项之和不符',
  'review-total': '复议诉讼总计与各项之和不符',
  'prose-tables': '正文与表格不符',
  'carried-over': '上年结转与上年报告不符',
  'in-force': '现行有效件数与上年不衔接',
  'items-carried': '上一年项目数量与上年报告不衔接',
  'implied-count': '主动公开表的数字推出负数',
  'missing-rows': '表格缺少行',
  'missing-cells': '表格缺少栏目',
  'missing-table': '缺少统计表',
  'missing-part': '缺少部分标题',
  'not-a-number': '单元格不是数字',
  'wrong-cell-count': '一行的单元格数目不对',
  'row-label-variant': '行标签与模板不同',
  'column-label-variant': '表头与模板不同',
  'unknown-row-label': '无法识别的行',
  'unknown-column': '无法识别的栏目',
  'row-not-in-template': '行属于另一模板',
  'template-conflict': '两张表所用模板不一致',
  'template-unknown': '无法判断模板',
  'duplicate-row': '重复的行',
  'unlabelled-row': '没有标签的行',
  'extra-row': '多出的一行',
  'unknown-table': '无法识别的表格',
  'applicant-columns': '申请人栏目与模板不同',
  'review-columns': '复议诉讼栏目与模板不同',
  'table-note': '表中的说明文字',
  'truncated-file': '文件可能被截断',
  'table-too-large': '表格过大',
  'same-address': '名称拼音与另一机构相同',
};

export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}
