/**
 * The consistency rules (勾稽关系). Each rule is a module in this folder named after its rule id;
 * a rule reads validated records and returns findings, each with a Chinese sentence that says
 * what should hold and what the report says, the JSON paths and the source line.
 */
import type { ApplicantCounts, Finding, Report } from '../schema/report.ts';
import { APPLICANT_COLUMNS } from '../report-format/applications.ts';

/** A rule over one report. */
export interface ReportRule {
  id: string;
  check(report: Report): Finding[];
}

/** A rule over one agency's reports, oldest first; findings go to the later report. */
export interface SeriesRule {
  id: string;
  check(previous: Report, current: Report): Finding[];
}

export function finding(
  report: Report,
  rule: string,
  message: string,
  paths: string[],
  severity: Finding['severity'] = 'warning',
): Finding {
  // The source line of the first value concerned.
  const cell = paths.map((path) => report.source.cells[path]).find((source) => source?.line != null);
  return { rule, severity, message, paths, line: cell?.line ?? null, column: cell?.column ?? null };
}

export { sumOrNull as sum } from '../report-format/numbers.ts';

/**
 * Where some parts are blank, the sum of the filled ones when it already exceeds the total: counts
 * are never negative, so the blank cells cannot make up the difference (a rule that only checks
 * complete rows would say nothing of such a row). null when nothing can be said.
 */
export function filledExceed(parts: ReadonlyArray<number | null>, total: number | null): number | null {
  if (total === null || !parts.some((part) => part === null)) return null;
  const filled = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
  return filled > total ? filled : null;
}

export const COLUMNS = APPLICANT_COLUMNS;

/** Every applicant row of the matrix with its JSON path and template label. */
export function applicantRows(report: Report): Array<{ path: string; label: string; row: ApplicantCounts }> {
  const rows: Array<{ path: string; label: string; row: ApplicantCounts }> = [];
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    if ('naturalPerson' in node) {
      rows.push({ path, label: path, row: node as ApplicantCounts });
      return;
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${path}.${key}`);
  };
  visit(report.applications, 'applications');
  return rows;
}

export const format = (value: number | null) => (value === null ? '空白' : String(value));
