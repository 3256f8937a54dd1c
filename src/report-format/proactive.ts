/**
 * Part 2, the Article 20 items, as the two templates define them: which rows each item has,
 * which columns, and the unit of each column.
 */
import type { Template } from '../schema/report.ts';
import type { CellKind } from './numbers.ts';

export interface ProactiveColumnSpec {
  key: string;
  label: string;
  pattern: RegExp;
  kind: CellKind;
}

export interface ProactiveRowSpec {
  key: string;
  label: string;
  /** The item of Article 20 the row belongs to: 一, 五, 六, 八, 九. */
  item: string;
  pattern: RegExp;
  columns: readonly ProactiveColumnSpec[];
}

const col = (key: string, label: string, pattern: RegExp, kind: CellKind = 'count'): ProactiveColumnSpec => ({
  key,
  label,
  pattern,
  kind,
});

const documents2021 = [
  col('issued', '本年制发件数', /制发/),
  col('repealed', '本年废止件数', /废止/),
  col('inForce', '现行有效件数', /现行有效/),
];
const decisions2021 = [col('decisions', '本年处理决定数量', /处理决定/)];

const documents2019 = [
  col('newlyMade', '本年新制作数量', /新制作/),
  col('newlyPublished', '本年新公开数量', /新公开/),
  col('totalPublished', '对外公开总数量', /公开总数/),
];
const items2019 = [
  col('previousYear', '上一年项目数量', /上一?年/),
  col('change', '本年增/减', /增.?减/, 'signedCount'),
  col('decisions', '处理决定数量', /处理决定/),
];

export const PROACTIVE_ROWS: Readonly<Record<Template, readonly ProactiveRowSpec[]>> = {
  '2021': [
    { key: 'regulations', label: '规章', item: '一', pattern: /^规章$/, columns: documents2021 },
    { key: 'normativeDocuments', label: '行政规范性文件', item: '一', pattern: /规范性文件/, columns: documents2021 },
    { key: 'licensing', label: '行政许可', item: '五', pattern: /行政许可/, columns: decisions2021 },
    { key: 'penalty', label: '行政处罚', item: '六', pattern: /行政处罚/, columns: decisions2021 },
    { key: 'enforcement', label: '行政强制', item: '六', pattern: /行政强制/, columns: decisions2021 },
    {
      key: 'administrativeFees',
      label: '行政事业性收费',
      item: '八',
      pattern: /行政事业性收费/,
      columns: [col('amountTenThousandYuan', '本年收费金额（单位：万元）', /收费金额/, 'tenThousandYuan')],
    },
  ],
  '2019': [
    { key: 'regulations', label: '规章', item: '一', pattern: /^规章$/, columns: documents2019 },
    { key: 'normativeDocuments', label: '规范性文件', item: '一', pattern: /规范性文件/, columns: documents2019 },
    { key: 'licensing', label: '行政许可', item: '五', pattern: /行政许可/, columns: items2019 },
    { key: 'otherServices', label: '其他对外管理服务事项', item: '五', pattern: /其他对外管理服务/, columns: items2019 },
    { key: 'penalty', label: '行政处罚', item: '六', pattern: /行政处罚/, columns: items2019 },
    { key: 'enforcement', label: '行政强制', item: '六', pattern: /行政强制/, columns: items2019 },
    {
      key: 'administrativeFees',
      label: '行政事业性收费',
      item: '八',
      pattern: /行政事业性收费/,
      columns: items2019.slice(0, 2),
    },
    {
      key: 'centralizedProcurement',
      label: '政府集中采购',
      item: '九',
      pattern: /集中采购/,
      columns: [col('projects', '采购项目数量', /采购项目/), col('amountYuan', '采购总金额', /总金额/, 'yuan')],
    },
  ],
};

/** Column headers that only one template has: they tell the templates apart. */
export const TEMPLATE_SIGNS: Readonly<Record<Template, RegExp>> = {
  '2021': /本年制发件数|本年废止件数|现行有效件数|本年收费金额/,
  '2019': /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|第二十条第\(九\)项/,
};
