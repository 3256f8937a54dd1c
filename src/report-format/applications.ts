/**
 * The applications matrix (part 3) as the two templates define it: its columns and its rows,
 * each row with the template's wording, its group, its number and the words that identify it
 * when the published label drifts.
 */
import type { Template } from '../schema/report.ts';

export const APPLICANT_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercialEnterprise', label: '商业企业' },
  { key: 'researchInstitution', label: '科研机构' },
  { key: 'socialWelfareOrganization', label: '社会公益组织' },
  { key: 'legalServiceInstitution', label: '法律服务机构' },
  { key: 'otherOrganization', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

export type GroupKey = 'results' | 'denied' | 'unableToProvide' | 'notProcessed' | 'other';

export interface ApplicationRowSpec {
  /** Path below `applications`, e.g. results.denied.stateSecret. */
  path: string;
  /** The label as the template words it. */
  label: string;
  /** The group the row sits in; null for the top-level rows. */
  group: GroupKey | null;
  /** The row's own number within its group (1, 2, … or 一, （一）…), as the template prints it. */
  number: string | null;
  /** Matches the normalised label, numbering removed. */
  pattern: RegExp;
  templates: readonly Template[];
}

const BOTH = ['2019', '2021'] as const;

/** Group headings: the cells that open a group of rows. */
export const APPLICATION_GROUPS: ReadonlyArray<{ key: GroupKey; label: string; pattern: RegExp }> = [
  { key: 'results', label: '三、本年度办理结果', pattern: /^本年度?办理结果$/ },
  { key: 'denied', label: '（三）不予公开', pattern: /^不予公开$/ },
  { key: 'unableToProvide', label: '（四）无法提供', pattern: /^无法提供$/ },
  { key: 'notProcessed', label: '（五）不予处理', pattern: /^不予处理$/ },
  { key: 'other', label: '（六）其他处理', pattern: /^其他处理$/ },
];

export const APPLICATION_ROWS: readonly ApplicationRowSpec[] = [
  { path: 'newReceived', label: '一、本年新收政府信息公开申请数量', group: null, number: '一', pattern: /本年新收/, templates: BOTH },
  { path: 'carriedOver', label: '二、上年结转政府信息公开申请数量', group: null, number: '二', pattern: /上年结转/, templates: BOTH },
  { path: 'results.granted', label: '（一）予以公开', group: 'results', number: '一', pattern: /^予以公开$/, templates: BOTH },
  { path: 'results.partialGrant', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results', number: '二', pattern: /^部分公开/, templates: BOTH },
  { path: 'results.denied.stateSecret', label: '1.属于国家秘密', group: 'denied', number: '1', pattern: /国家秘密/, templates: BOTH },
  { path: 'results.denied.lawForbidden', label: '2.其他法律行政法规禁止公开', group: 'denied', number: '2', pattern: /禁止公开/, templates: BOTH },
  { path: 'results.denied.safetyStability', label: '3.危及“三安全一稳定”', group: 'denied', number: '3', pattern: /三安全一稳定|危及/, templates: BOTH },
  { path: 'results.denied.thirdPartyRights', label: '4.保护第三方合法权益', group: 'denied', number: '4', pattern: /第三方/, templates: BOTH },
  { path: 'results.denied.internalAffairs', label: '5.属于三类内部事务信息', group: 'denied', number: '5', pattern: /内部事务|内容事务|三类内/, templates: BOTH },
  { path: 'results.denied.processInfo', label: '6.属于四类过程性信息', group: 'denied', number: '6', pattern: /过程性/, templates: BOTH },
  { path: 'results.denied.enforcementCase', label: '7.属于行政执法案卷', group: 'denied', number: '7', pattern: /执法案卷/, templates: BOTH },
  { path: 'results.denied.adminQuery', label: '8.属于行政查询事项', group: 'denied', number: '8', pattern: /查询事项/, templates: BOTH },
  { path: 'results.unableToProvide.noInfo', label: '1.本机关不掌握相关政府信息', group: 'unableToProvide', number: '1', pattern: /不掌握/, templates: BOTH },
  { path: 'results.unableToProvide.needCreation', label: '2.没有现成信息需要另行制作', group: 'unableToProvide', number: '2', pattern: /另行制作|现成信息/, templates: BOTH },
  { path: 'results.unableToProvide.unclear', label: '3.补正后申请内容仍不明确', group: 'unableToProvide', number: '3', pattern: /不明确/, templates: BOTH },
  { path: 'results.notProcessed.complaint', label: '1.信访举报投诉类申请', group: 'notProcessed', number: '1', pattern: /信访|举报|投诉/, templates: BOTH },
  { path: 'results.notProcessed.repeat', label: '2.重复申请', group: 'notProcessed', number: '2', pattern: /^重复申请$/, templates: BOTH },
  { path: 'results.notProcessed.publication', label: '3.要求提供公开出版物', group: 'notProcessed', number: '3', pattern: /出版物/, templates: BOTH },
  { path: 'results.notProcessed.massiveRequests', label: '4.无正当理由大量反复申请', group: 'notProcessed', number: '4', pattern: /大量反复/, templates: BOTH },
  { path: 'results.notProcessed.confirmInfo', label: '5.要求行政机关确认或重新出具已获取信息', group: 'notProcessed', number: '5', pattern: /确认|重新出具/, templates: BOTH },
  { path: 'results.other.overdueCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: 'other', number: '1', pattern: /不补正/, templates: ['2021'] },
  { path: 'results.other.overdueFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: 'other', number: '2', pattern: /收费通知|缴纳费用/, templates: ['2021'] },
  { path: 'results.other.otherReasons', label: '3.其他', group: 'other', number: '3', pattern: /^其他$/, templates: ['2021'] },
  { path: 'results.other.total', label: '（六）其他处理', group: 'other', number: '六', pattern: /^其他处理$/, templates: ['2019'] },
  { path: 'results.total', label: '（七）总计', group: 'results', number: '七', pattern: /^总计$/, templates: BOTH },
  { path: 'carriedForward', label: '四、结转下年度继续办理', group: null, number: '四', pattern: /结转下年度?/, templates: BOTH },
];

export function applicationRowsFor(template: Template): ApplicationRowSpec[] {
  return APPLICATION_ROWS.filter((spec) => spec.templates.includes(template));
}
