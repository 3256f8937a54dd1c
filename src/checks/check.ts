/**
 * The consistency rules (勾稽关系). Each rule is a module in this folder named after its rule id;
 * a rule reads validated records and returns findings, each with a Chinese sentence that says
 * what should hold and what the report says, the JSON paths and the source line.
 */
import type { ProactiveRow } from '../report-format/describe.ts';
import { proactiveRowsFor } from '../report-format/proactive.ts';
import { numberAt } from '../schema/record-paths.ts';
import type { ApplicantCounts, Finding, Report } from '../schema/report.ts';
import { APPLICANT_COLUMNS } from '../report-format/applications.ts';
import { cellSourceAt } from '../schema/cell-places.ts';

/** A rule over one report. */
export interface ReportRule {
  id: string;
  check(report: Report): Finding[];
  /** How many relations the rule checks in a report, and how many of them could be checked (no blank in them). */
  coverage(report: Report): Coverage;
}

/** How much of a report a rule could check: a relation with a blank in it is not checked (a blank is not 0). */
export interface Coverage {
  relations: number;
  checkable: number;
}

/** The coverage of some relations, each given by the values it involves. */
export function coverageOf(relations: ReadonlyArray<ReadonlyArray<number | null>>): Coverage {
  return { relations: relations.length, checkable: relations.filter((values) => values.every((value) => value !== null)).length };
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
  const cell = paths.map((path) => cellSourceAt(report, path)).find((source) => source?.line != null);
  return { rule, severity, message, paths, line: cell?.line ?? null, column: cell?.column ?? null };
}

export { sumOrNull as sum } from '../report-format/numbers.ts';

/**
 * Where some parts are blank, the sum of the filled ones when it already exceeds the total: counts
 * are never negative, so the blank cells cannot make up the difference (a rule that only checks
 * complete rows would say nothing of such a row). null when nothing can be said.
 */
/** What a filled-exceeds finding adds: no blank can make up the difference. */
export const BLANKS_CANNOT_MEND = '（其余为空白格，无论是多少都不能使两者相符）';

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

/** A part-2 value of a record by row and column key, or null where it is blank or absent. */
export const proactiveValue = (report: Report, row: string, column: string): number | null => numberAt(report, `proactive.${row}.${column}`);

/**
 * The part-2 rows two consecutive reports both have, each with the columns `roles` finds in it
 * in either report's template (rows without them are left out).
 */
export function pairedRows<R>(
  previous: Report,
  current: Report,
  roles: (row: ProactiveRow) => R | null,
): Array<{ row: ProactiveRow; then: R; now: R }> {
  if (current.year !== previous.year + 1) return [];
  const before = new Map(proactiveRowsFor(previous.template).map((row) => [row.key, roles(row)]));
  return proactiveRowsFor(current.template).flatMap((row) => {
    const now = roles(row);
    const then = before.get(row.key);
    return now && then ? [{ row, then, now }] : [];
  });
}
