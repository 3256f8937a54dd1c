/**
 * Running the consistency rules: the rules within one report run as it is parsed; the rules
 * across years run when a folder is ingested, over each agency's reports.
 */
import type { Finding, Report } from '../schema/report.ts';
import { applicationsBalance } from './applications-balance.ts';
import { carriedOver } from './carried-over.ts';
import type { Coverage, ReportRule, SeriesRule } from './check.ts';
import { impliedCount } from './implied-count.ts';
import { inForce } from './in-force.ts';
import { itemsCarried } from './items-carried.ts';
import { proseTables } from './prose-tables.ts';
import { resultsTotal } from './results-total.ts';
import { reviewTotal } from './review-total.ts';
import { rowTotal } from './row-total.ts';

export const REPORT_RULES: readonly ReportRule[] = [applicationsBalance, rowTotal, resultsTotal, reviewTotal, impliedCount, proseTables];
export const SERIES_RULES: readonly SeriesRule[] = [carriedOver, inForce, itemsCarried];

export function checkReport(report: Report): Finding[] {
  return REPORT_RULES.flatMap((rule) => rule.check(report));
}

/** How many of the tables' arithmetic relations the report's numbers let be checked. */
export function checkCoverage(report: Report): Coverage {
  const each = REPORT_RULES.map((rule) => rule.coverage(report));
  return { relations: each.reduce((n, c) => n + c.relations, 0), checkable: each.reduce((n, c) => n + c.checkable, 0) };
}

/** Adds the findings of the rules across years to the later report of each consecutive pair. */
export function checkSeries(reports: Report[]): Report[] {
  const byAgency = new Map<string, Report[]>();
  for (const report of reports) byAgency.set(report.agency.slug, [...(byAgency.get(report.agency.slug) ?? []), report]);
  const added = new Map<Report, Finding[]>();
  for (const series of byAgency.values()) {
    series.sort((a, b) => a.year - b.year);
    series.forEach((current, index) => {
      const previous = series[index - 1];
      if (!previous) return;
      const findings = SERIES_RULES.flatMap((rule) => rule.check(previous, current));
      if (findings.length > 0) added.set(current, findings);
    });
  }
  return reports.map((report) => {
    const findings = added.get(report);
    return findings ? { ...report, findings: [...report.findings, ...findings] } : report;
  });
}
