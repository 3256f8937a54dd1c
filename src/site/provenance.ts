/**
 * Where a report's values are in its original, in words a reader can follow in the original
 * itself. A text file (or Markdown) is read by lines, so a value is at its line; a web page, a
 * Word file or a PDF is read by its tables, so a value is at its table, row and column (a web
 * page's lines are those of its markup, the whole report often on one). The table, row and
 * column come from the record (source.cells, counted as the reader sees the table: a merged
 * cell counts in every row and column it spans).
 */
import type { CellSource } from '../schema/cell-places.ts';
import type { Report } from '../schema/report.ts';

/** Whether a format's values are found by line (else by table, row and column). */
export const byLine = (format: Report['source']['format']): boolean => format === 'text' || format === 'markdown';

/** One value's place: 原文第21行, or 原文第2张表第6行第4列; null where nothing was read. */
export function cellPlace(source: CellSource | undefined, lines: boolean): string | null {
  if (!source) return null;
  if (lines && source.line !== null) return `原文第${source.line}行`;
  return `原文第${source.table}张表第${source.row}行第${source.tableColumn}列`;
}

/** 4–10, or 4、6、7: a run of whole numbers, ascending, as words. */
function numbers(values: number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const contiguous = sorted.every((value, index) => index === 0 || value === sorted[index - 1]! + 1);
  return contiguous && sorted.length > 2 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join('、');
}

/**
 * Where a row of values is in the original: 原文第2张表第6行第4–10列 (or, by line, 原文第21行,
 * 原文第21–27行); where the values come from several rows or tables, each in turn; null where
 * no value of the row was read (the row is not in the original).
 */
export function rowPlace(sources: Array<CellSource | undefined>, lines: boolean): string | null {
  const read = sources.filter((source): source is CellSource => source !== undefined);
  if (read.length === 0) return null;
  let place: string;
  if (lines && read.every((source) => source.line !== null)) {
    place = `原文第${numbers(read.map((source) => source.line!))}行`;
  } else {
    const groups = new Map<string, CellSource[]>();
    for (const source of read) {
      const key = `${source.table} ${source.row}`;
      groups.set(key, [...(groups.get(key) ?? []), source]);
    }
    place = [...groups.values()]
      .map((cells) => `原文第${cells[0]!.table}张表第${cells[0]!.row}行第${numbers(cells.map((cell) => cell.tableColumn))}列`)
      .join('；');
  }
  return read.length < sources.length ? `${place}（其余各栏原文没有）` : place;
}

/**
 * A link that opens the report's page on the agency's site at a part: the address the source
 * states, with a text fragment (#:~:text=) for the part's heading as the original words it, which
 * browsers that support fragments scroll to and mark; others open the page at its top.
 */
export function originalAt(url: string | null | undefined, heading: string | null): string | null {
  if (!url) return null;
  const base = url.split('#')[0]!;
  return heading ? `${base}#:~:text=${encodeTextFragment(heading)}` : base;
}

/** A text fragment's text: percent-encoded, its own dash too (commas and ampersands already are). */
function encodeTextFragment(text: string): string {
  return encodeURIComponent(text.trim()).replace(/-/g, '%2D');
}
