/**
 * A GFM table node as rows of cells with their text and source position: the form the table
 * extractors read. Works for any front end, since every front end ends in the same tree.
 */
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeLabel } from '../report-format/labels.ts';

export interface Cell {
  text: string;
  /** The text normalised for comparing labels (computed once here). */
  label: string;
  line: number;
  column: number;
  /**
   * Where the cell stands in the report's tables, counted from 1: the table (in the order the
   * report's tables come), the row and the column in it, as the front end laid the table out (a
   * merged cell counts in every row and column it spans, as it looks).
   */
  table: number;
  row: number;
  tableColumn: number;
  /** Set where the position is covered by a merged cell beyond its first (a web page's rowspan, colspan). */
  spanned?: true;
}

export type Row = Cell[];

/** The rows of the `ordinal`-th table of a report (from 1). */
export function tableCells(table: Table, ordinal: number): Row[] {
  return table.children.map((row, rowIndex) =>
    row.children.flatMap((cell, columnIndex) => {
      // Padding a front end put where the source has no cell (html-to-mdast's grid) is no cell:
      // a row a cell short must read as one, not as a row with a blank cell at its end.
      if (cell.data?.padding) return [];
      const text = toString(cell).trim();
      return {
        text,
        label: normalizeLabel(text),
        line: cell.position?.start.line ?? row.position?.start.line ?? 0,
        column: cell.position?.start.column ?? 1,
        table: ordinal,
        row: rowIndex + 1,
        tableColumn: columnIndex + 1,
        ...(cell.data?.spanned ? { spanned: true as const } : {}),
      };
    }),
  );
}

/** First line of a row (0 for an empty row without position). */
export function rowLine(row: Row): number {
  return row[0]?.line ?? 0;
}
