/**
 * A file that cannot be read as a report. It carries what an editor needs — the rule, the line
 * and a sentence that says what was expected — and never a stack trace.
 */
export class ReportError extends Error {
  override readonly name = 'ReportError';

  constructor(
    readonly rule: string,
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message);
  }
}
