/**
 * What the three table extractors share: reading a cell as a number (with a finding when it is
 * not one), recording where each value came from, and describing rows in messages.
 */
import type { CellSource } from '../schema/cell-places.ts';
import { lineOrNull } from '../diagnostics/line-label.ts';
import { describeInvalid, looksLikeValue, parseCell, type CellKind } from '../report-format/numbers.ts';
import type { Findings } from '../diagnostics/findings.ts';
import type { LocatedTable } from '../structure/find-sections.ts';
import type { Cell, Row } from '../structure/table-cells.ts';

export type CellMap = Record<string, CellSource>;

export interface ValueContext {
  findings: Findings;
  cells: CellMap;
}

/** Reads one cell into a number or null, records its source, and reports a cell that is not a number. */
export function readValue(
  cell: Cell,
  path: string,
  kind: CellKind,
  what: string,
  context: ValueContext,
  bareUnit?: '元' | '万元',
): number | null {
  const line = lineOrNull(cell.line);
  context.cells[path] = { line, column: line === null ? null : cell.column, table: cell.table, row: cell.row, tableColumn: cell.tableColumn, text: cell.text };
  const parsed = parseCell(cell.text, kind, bareUnit);
  if (parsed.kind === 'number') return parsed.value;
  if (parsed.kind === 'invalid') {
    context.findings.warning(
      'not-a-number',
      `${what}：应为数字，实为“${cell.text}”（${describeInvalid(parsed.reason)}），记为空（null）`,
      { paths: [path], line: cell.line, column: cell.column },
    );
  }
  return null;
}

/** Sets `value` at a dotted path inside `target`, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** The non-empty texts of a row, quoted and joined, for messages. */
export function describeCells(cells: Cell[]): string {
  const texts = cells.map((cell) => cell.text).filter((text) => text !== '');
  return texts.length === 0 ? '（全部为空）' : texts.map((text) => `“${text}”`).join('、');
}

/** Whether any cell in the row holds a digit: numbers that must not be dropped. */
export function hasNumbers(cells: Cell[]): boolean {
  return cells.some((cell) => /[0-9０-９]/.test(cell.text));
}

/**
 * The cells of `cells` that hold a number: a cell too many where it stands among a row's labels
 * (before the label, or among a merged label's cells), since a label is never a number.
 */
export function numberCells(cells: Cell[]): Cell[] {
  return cells.filter((cell) => /[0-9０-９]/.test(cell.text) && looksLikeValue(cell.text));
}

/**
 * The rows of the tables whose every cell is one the source wrote (the text of a Word file or of a
 * page: data.cellsAsWritten), where a blank cell after a label is a cell, not a grid's padding or
 * the rest of a merged label.
 */
export function rowsAsWritten(tables: readonly LocatedTable[]): Set<Row> {
  return new Set(tables.filter((table) => table.node.data?.cellsAsWritten).flatMap((table) => table.rows));
}

export function isEmptyRow(row: Row): boolean {
  return row.every((cell) => cell.text === '');
}

/**
 * A row of text without numbers that is not a template row — a footnote (注：…) or a remark —
 * is kept as an info finding, so that nothing in a table is dropped silently.
 */
export function noteRow(context: ValueContext, table: string, row: Row): void {
  const texts = row.map((cell) => cell.text).filter((text) => text !== '');
  const first = row.find((cell) => cell.text !== '');
  if (!first) return;
  context.findings.info('table-note', `${table}中的说明文字：${texts.join(' ')}`, {
    line: first.line,
    column: first.column,
  });
}
