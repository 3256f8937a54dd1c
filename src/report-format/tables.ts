/**
 * The three statistical tables of a report, by their keys in the record: their titles as the
 * templates word them, and the short names messages and pages call them by.
 */
export type TableKey = 'proactive' | 'applications' | 'reviewLitigation';

export const TABLE_LABELS: Readonly<Record<TableKey, string>> = {
  proactive: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  reviewLitigation: '政府信息公开行政复议、行政诉讼情况',
};

export const TABLE_SHORT_NAMES: Readonly<Record<TableKey, string>> = {
  proactive: '主动公开表',
  applications: '申请情况表',
  reviewLitigation: '复议诉讼表',
};
