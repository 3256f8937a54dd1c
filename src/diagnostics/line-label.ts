/**
 * Lines in messages. Line numbers start at 1; 0 stands for a place without one (a Word file or
 * a PDF is not made of lines), and becomes null in the published record.
 */
export function lineLabel(line: number): string {
  return line > 0 ? `第${line}行` : '（Word、PDF 文件无行号）';
}

/** A line for the record: null where there is none. */
export function lineOrNull(line: number | null | undefined): number | null {
  return line !== null && line !== undefined && line > 0 ? line : null;
}
