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
}

export type Row = Cell[];

export function tableCells(table: Table): Row[] {
  return table.children.map((row) =>
    row.children.map((cell) => {
      const text = toString(cell).trim();
      return {
      text,
      label: normalizeLabel(text),
      line: cell.position?.start.line ?? row.position?.start.line ?? 0,
      column: cell.position?.start.column ?? 1,
      };
    }),
  );
}

/** First line of a row (0 for an empty row without position). */
export function rowLine(row: Row): number {
  return row[0]?.line ?? 0;
}
