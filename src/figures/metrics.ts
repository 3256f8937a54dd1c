/**
 * The figures the portal compares across agencies and years, derived from a record's 总计
 * column. A figure that adds rows up is null when any of its rows is null: an unknown part makes
 * the sum unknown, and the page says so rather than showing a number that may be too small.
 */
import type { ApplicantCounts, Report } from '../schema/report.ts';
import { templateDescription } from '../report-format/templates/index.ts';
import { numberAt } from '../schema/record-paths.ts';
import { sumOrNull as sum } from '../report-format/numbers.ts';

export interface Metric {
  key: string;
  label: string;
}

export const APPLICATION_METRICS: readonly Metric[] = [
  { key: 'newReceived', label: '本年新收申请' },
  { key: 'carriedOver', label: '上年结转申请' },
  { key: 'carriedForward', label: '结转下年度' },
];

export const OUTCOME_METRICS: readonly Metric[] = [
  { key: 'granted', label: '予以公开' },
  { key: 'partialGrant', label: '部分公开' },
  { key: 'denied', label: '不予公开' },
  { key: 'unableToProvide', label: '无法提供' },
  { key: 'notProcessed', label: '不予处理' },
  { key: 'other', label: '其他处理' },
  { key: 'handled', label: '办理结果总计' },
];

export const REVIEW_METRICS: readonly Metric[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigationAfterReview', label: '行政诉讼（复议后起诉）' },
  { key: 'corrected', label: '其中结果纠正' },
];

export const PROACTIVE_METRICS: readonly Metric[] = [
  { key: 'normativeDocuments', label: '规范性文件（本年制发／新制作）' },
  { key: 'licensing', label: '行政许可处理决定' },
  { key: 'penalty', label: '行政处罚处理决定' },
  { key: 'enforcement', label: '行政强制处理决定' },
];

export const ALL_METRICS: readonly Metric[] = [
  ...APPLICATION_METRICS,
  ...OUTCOME_METRICS,
  ...REVIEW_METRICS,
  ...PROACTIVE_METRICS,
];

export type Metrics = Record<string, number | null>;


const totals = (rows: Record<string, ApplicantCounts>) => sum(Object.values(rows).map((row) => row.total));

/** Part 2's figures compared across templates: where each is, the template's description says. */
function proactiveFigures(report: Report): Metrics {
  const { figures } = templateDescription(report.template).proactive;
  return Object.fromEntries(Object.entries(figures).map(([key, [row, column]]) => [key, numberAt(report, `proactive.${row}.${column}`)]));
}

export function reportMetrics(report: Report): Metrics {
  const a = report.applications;
  const r = a.results;
  const rl = report.reviewLitigation;
  return {
    newReceived: a.newReceived.total,
    carriedOver: a.carriedOver.total,
    carriedForward: a.carriedForward.total,
    granted: r.granted.total,
    partialGrant: r.partialGrant.total,
    denied: totals(r.denied),
    unableToProvide: totals(r.unableToProvide),
    notProcessed: totals(r.notProcessed),
    other: totals(r.other as Record<string, ApplicantCounts>),
    handled: r.total.total,
    review: rl.review.total,
    litigationDirect: rl.litigationDirect.total,
    litigationAfterReview: rl.litigationAfterReview.total,
    corrected: sum([rl.review.corrected, rl.litigationDirect.corrected, rl.litigationAfterReview.corrected]),
    ...proactiveFigures(report),
  };
}
