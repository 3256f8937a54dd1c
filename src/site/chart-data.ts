/**
 * What each chart draws, kept apart from how it is drawn (templates/assets/charts.js): labels,
 * series and a sentence that says what the chart shows, for its aria-label. Every series is also
 * on the page as a table.
 */
import type { AgencyPage, ReportPage } from './load-site-data.ts';
import { APPLICATION_METRICS, OUTCOME_METRICS, PROACTIVE_METRICS, REVIEW_METRICS, type Metric } from './metrics.ts';

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  type: 'bar' | 'line';
  stacked: boolean;
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null> }>;
}

const OUTCOMES = OUTCOME_METRICS.filter((metric) => metric.key !== 'handled');

function series(pages: ReportPage[], metrics: readonly Metric[]) {
  return metrics.map((metric) => ({ label: metric.label, data: pages.map((page) => page.metrics[metric.key] ?? null) }));
}

/** A bar chart of some metrics over some reports; `subject` says whose figures they are. */
function charter(pages: ReportPage[], labels: string[], subject: string) {
  return (id: string, title: string, metrics: readonly Metric[], stacked: boolean, what: string): ChartSpec => ({
    id,
    title,
    description: `${stacked ? '堆积柱状图' : '柱状图'}：${subject}${what}。数据见图下的表格。`,
    type: 'bar',
    stacked,
    labels,
    datasets: series(pages, metrics),
  });
}

export function agencyCharts(agency: AgencyPage): ChartSpec[] {
  const pages = agency.reports;
  const labels = pages.map((page) => `${page.report.year}年`);
  const span = labels.length > 1 ? `${labels[0]}至${labels.at(-1)}` : (labels[0] ?? '');
  const chart = charter(pages, labels, `${agency.name}${span}各年`);
  return [
    chart('applications', '收到的申请', APPLICATION_METRICS.slice(0, 2), false, '本年新收和上年结转的政府信息公开申请数量'),
    chart('outcomes', '申请的办理结果', OUTCOMES, true, '申请的办理结果构成（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）'),
    chart('review-litigation', '行政复议和行政诉讼', REVIEW_METRICS.slice(0, 3), false, '政府信息公开行政复议和行政诉讼的案件总数'),
    chart('proactive', '主动公开', PROACTIVE_METRICS, false, '主动公开的规范性文件和处理决定数量'),
  ];
}

export function yearCharts(year: number, pages: ReportPage[]): ChartSpec[] {
  const chart = charter(pages, pages.map((page) => page.report.agency.canonicalName), `${year}年各机构`);
  return [
    chart('applications', '收到的申请', APPLICATION_METRICS.slice(0, 1), false, '本年新收的政府信息公开申请数量'),
    chart('outcomes', '申请的办理结果', OUTCOMES, true, '申请的办理结果构成（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）'),
    chart('review-litigation', '行政复议和行政诉讼', REVIEW_METRICS.slice(0, 3), true, '政府信息公开行政复议和行政诉讼的案件总数'),
  ];
}
