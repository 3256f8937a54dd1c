/**
 * How the command line shows a problem to an editor, as unified's tools do: each file's findings
 * become vfile messages (place, rule id, source, fatal for an error, not fatal for a warning,
 * neither for a note) and vfile-reporter prints them, sorted by place, aligned by display width
 * (a Chinese character is two columns), with a count of errors and warnings at the end. Stack
 * traces are for bugs in Gongkai, not for problems in a report.
 */
import { join } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Finding } from '../schema/report.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import type { IngestFailure } from '../ingest/ingest-file.ts';
import type { ReportDigest } from '../ingest/ingest-folder.ts';

type Message = Pick<Finding, 'line' | 'column' | 'severity' | 'message' | 'rule'>;

/** Colour only on a terminal that takes it (NO_COLOR turns it off). */
const colour = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !process.env['NO_COLOR'];

/** A file and its findings as a vfile with its messages. */
function fileWithMessages(path: string, findings: readonly Message[]): VFile {
  const file = new VFile({ path });
  for (const finding of findings) {
    const message = file.message(finding.message, {
      ...(finding.line === null ? {} : { place: { line: finding.line, column: finding.column ?? 1 } }),
      ruleId: finding.rule,
      source: 'gongkai',
    });
    message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
  }
  return file;
}

/** The report of some files, for `stream` (coloured on a terminal). */
function report(files: VFile[], stream: NodeJS.WriteStream = process.stdout): string {
  return files.length === 0 ? '' : reporter(files, { color: colour(stream) });
}

/** One file's findings, for `stream`. */
export function formatFileMessages(path: string, findings: readonly Message[], stream: NodeJS.WriteStream = process.stderr): string {
  return report([fileWithMessages(path, findings)], stream);
}

/** Every problem of an ingested folder, by file path: each report with findings, each file that cannot be read. */
export function folderMessages(folder: string, reports: readonly ReportDigest[], failures: readonly IngestFailure[], stream: NodeJS.WriteStream = process.stdout): string {
  const files = [
    ...reports.filter((digest) => digest.findings.length > 0).map((digest) => fileWithMessages(join(folder, digest.source.path), digest.findings)),
    ...failures.map((failure) => fileWithMessages(join(folder, failure.path), [{ ...failure, severity: 'error' }])),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return report(files, stream);
}

/** A ReportError as an editor reads it; anything else is our bug and keeps its stack. */
export function formatFailure(path: string, error: unknown): string {
  if (error instanceof ReportError) {
    return formatFileMessages(path, [{ line: error.line, column: error.column, severity: 'error', message: error.message, rule: error.rule }]);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${path}\n  internal error (a bug in Gongkai, please report it): ${detail}`;
}
