/**
 * What each chart draws, kept apart from how it is drawn (templates/assets/charts.js): labels,
 * series and a sentence that says what the chart shows, for its aria-label. Every series is also
 * on the page as a table.
 */
import type { AgencyPage, ReportPage } from './load-site-data.ts';
import { APPLICATION_METRICS, OUTCOME_METRICS, PROACTIVE_METRICS, REVIEW_METRICS, type Metric } from '../figures/metrics.ts';

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  type: 'bar' | 'line';
  stacked: boolean;
  /** Bars along the vertical axis: where the categories are agencies' names, which do not fit under a bar. */
  horizontal: boolean;
  labels: string[];
  /** For each label, whether there is no report for it (a year between two reports): drawn as such, left out of the table. */
  missing: boolean[];
  datasets: Array<{ key: string; label: string; colour: string; data: Array<number | null> }>;
}

/**
 * One colour per figure for the whole site, so that 无法提供 is the same colour on every page and
 * chart. Each has at least 3:1 contrast against white (WCAG 1.4.11, tested), and the outcomes,
 * drawn side by side in a stacked bar, differ in lightness as well as hue (Okabe and Ito's
 * colour-blind-safe hues, darkened where needed), so they stay apart for readers who do not
 * tell red from green. Every chart's numbers are also in the table beneath it.
 */
export const METRIC_COLOURS: Readonly<Record<string, string>> = {
  newReceived: '#3b3b98',
  carriedOver: '#8a5a00',
  carriedForward: '#505a5f',
  granted: '#0072b2',
  partialGrant: '#008060',
  denied: '#c24a00',
  unableToProvide: '#a8467f',
  notProcessed: '#6b5b00',
  other: '#505a5f',
  handled: '#0b0c0c',
  review: '#0072b2',
  litigationDirect: '#c24a00',
  litigationAfterReview: '#a8467f',
  corrected: '#008060',
  normativeDocuments: '#0072b2',
  licensing: '#008060',
  penalty: '#c24a00',
  enforcement: '#a8467f',
};

const OUTCOMES = OUTCOME_METRICS.filter((metric) => metric.key !== 'handled');

function series(pages: Array<ReportPage | null>, metrics: readonly Metric[]) {
  return metrics.map((metric) => ({
    key: metric.key,
    label: metric.label,
    colour: METRIC_COLOURS[metric.key] ?? '#505a5f',
    data: pages.map((page) => page?.metrics[metric.key] ?? null),
  }));
}

const BLANKS = '图中“空”表示原文此项空白（不是 0）';

/** A bar chart of some metrics over some reports (null: no report); `subject` says whose figures they are. */
function charter(pages: Array<ReportPage | null>, labels: string[], subject: string, horizontal: boolean) {
  return (id: string, title: string, metrics: readonly Metric[], stacked: boolean, what: string): ChartSpec => ({
    id,
    title,
    description: `${stacked ? '堆积' : ''}${horizontal ? '条形图' : '柱状图'}：${subject}${what}。${BLANKS}${pages.includes(null) ? '，“无报告”表示该年没有报告' : ''}。数据见图下的表格。`,
    type: 'bar',
    stacked,
    horizontal,
    labels,
    missing: pages.map((page) => page === null),
    datasets: series(pages, metrics),
  });
}

export function agencyCharts(agency: AgencyPage): ChartSpec[] {
  // Every year from the first report to the last is on the axis, those without a report marked so.
  const byYear = new Map(agency.reports.map((page) => [page.report.year, page]));
  const years = [...byYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const pages = years.length === 0 ? [] : Array.from({ length: last - first + 1 }, (_, offset) => byYear.get(first + offset) ?? null);
  const labels = pages.map((_, offset) => `${first + offset}年`);
  const span = labels.length > 1 ? `${labels[0]}至${labels.at(-1)}` : (labels[0] ?? '');
  const chart = charter(pages, labels, `${agency.name}${span}各年`, false);
  return [
    chart('applications', '收到的申请', APPLICATION_METRICS.slice(0, 2), false, '本年新收和上年结转的政府信息公开申请数量'),
    chart('outcomes', '申请的办理结果', OUTCOMES, true, '申请的办理结果构成（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）'),
    chart('review-litigation', '行政复议和行政诉讼', REVIEW_METRICS.slice(0, 3), false, '政府信息公开行政复议和行政诉讼的案件总数'),
    chart('proactive', '主动公开', PROACTIVE_METRICS, false, '主动公开的规范性文件和处理决定数量'),
  ];
}

/** A year's charts of some of its reports (a page of them: `part` says which, as （第2页）). */
export function yearCharts(year: number, pages: ReportPage[], part = ''): ChartSpec[] {
  const chart = charter(pages, pages.map((page) => page.report.agency.canonicalName), `${year}年各机构${part}`, true);
  return [
    chart('applications', '收到的申请', APPLICATION_METRICS.slice(0, 1), false, '本年新收的政府信息公开申请数量'),
    chart('outcomes', '申请的办理结果', OUTCOMES, true, '申请的办理结果构成（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）'),
    chart('review-litigation', '行政复议和行政诉讼', REVIEW_METRICS.slice(0, 3), true, '政府信息公开行政复议和行政诉讼的案件总数'),
  ];
}
