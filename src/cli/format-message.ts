/**
 * How the command line shows a problem to an editor: the file, then `line:column severity
 * message rule-id`, as linters do. Stack traces are for bugs in Gongkai, not for problems in a
 * report.
 */
import { join } from 'node:path';
import type { Finding } from '../schema/report.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import type { IngestFailure } from '../ingest/ingest-file.ts';
import type { ReportDigest } from '../ingest/ingest-folder.ts';

function place(line: number | null, column: number | null): string {
  if (line === null) return '-';
  return column === null ? `${line}` : `${line}:${column}`;
}

export function formatFinding(finding: Pick<Finding, 'line' | 'column' | 'severity' | 'message' | 'rule'>): string {
  return `  ${place(finding.line, finding.column).padEnd(8)} ${finding.severity.padEnd(8)} ${finding.message}  ${finding.rule}`;
}

/** Lines for one file: its path, then one line per finding. */
export function formatFileMessages(
  path: string,
  findings: Array<Pick<Finding, 'line' | 'column' | 'severity' | 'message' | 'rule'>>,
): string {
  return [path, ...findings.map(formatFinding)].join('\n');
}

/** Every problem of an ingested folder: each report with findings, then each file that cannot be read. */
export function folderMessages(folder: string, reports: readonly ReportDigest[], failures: readonly IngestFailure[]): string[] {
  return [
    ...reports.filter((report) => report.findings.length > 0).map((report) => formatFileMessages(join(folder, report.source.path), report.findings)),
    ...failures.map((failure) => formatFileMessages(join(folder, failure.path), [{ ...failure, severity: 'error' }])),
  ];
}

/** A ReportError as an editor reads it; anything else is our bug and keeps its stack. */
export function formatFailure(path: string, error: unknown): string {
  if (error instanceof ReportError) {
    return formatFileMessages(path, [
      { line: error.line, column: error.column, severity: 'error', message: error.message, rule: error.rule },
    ]);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${path}\n  internal error (a bug in Gongkai, please report it): ${detail}`;
}
