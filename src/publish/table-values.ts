/**
 * Every table value of a report as one flat list, each with its row and column as the template
 * words them and the source cell it was read from: the form of the tidy CSV and of any table
 * that lists values one by one. Each template's places (labels, paths) are made once: a build
 * asks for the ~200 values of every report.
 */
import type { Report, Template } from '../schema/report.ts';
import { APPLICANT_COLUMNS, applicationRowsFor } from '../report-format/applications.ts';
import { proactiveRowsFor } from '../report-format/proactive.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { CELL_UNITS } from '../report-format/numbers.ts';

import type { TableKey } from '../report-format/tables.ts';
import { cellSourceAt } from '../schema/cell-places.ts';

export { TABLE_LABELS, type TableKey } from '../report-format/tables.ts';

export interface TableValue {
  table: TableKey;
  rowKey: string;
  rowLabel: string;
  columnKey: string;
  columnLabel: string;
  /** The JSON path of the value, e.g. applications.newReceived.total. */
  path: string;
  value: number | null;
  sourceLine: number | null;
  /** Where the cell is in the report's tables (see CellSource): table, row and column, from 1. */
  sourceTable: number | null;
  sourceRow: number | null;
  sourceColumn: number | null;
  sourceText: string | null;
}

/** A value's place in the tables: all of a TableValue but what the report holds there, and its unit. */
type Slot = Omit<TableValue, 'value' | `source${string}`> & { keys: string[]; unit: string };

const slots = new Map<Template, Slot[]>();

/** Every value's place in a template's tables, in order; made once per template (labels, paths). */
function slotsOf(template: Template): Slot[] {
  let list = slots.get(template);
  if (list) return list;
  list = [];
  const push = (table: TableKey, rowKey: string, rowLabel: string, columnKey: string, columnLabel: string, unit: string) => {
    const path = `${table}.${rowKey}.${columnKey}`;
    list!.push({ table, rowKey, rowLabel, columnKey, columnLabel, path, keys: path.split('.'), unit });
  };
  for (const row of proactiveRowsFor(template)) {
    for (const column of row.columns) {
      push('proactive', row.key, `第二十条第（${row.item}）项·${row.label}`, column.key, column.label, CELL_UNITS[column.kind]);
    }
  }
  for (const row of applicationRowsFor(template)) {
    for (const column of APPLICANT_COLUMNS) push('applications', row.path, row.label, column.key, column.label, '件');
  }
  for (const group of REVIEW_GROUPS) {
    for (const outcome of REVIEW_OUTCOMES) push('reviewLitigation', group.key, group.label, outcome.key, outcome.label, '件');
  }
  slots.set(template, list);
  return list;
}

/** Where each value of a template's tables is, its labels and its unit: the same for every report of the template. */
export function valueSlots(template: Template): ReadonlyArray<Pick<TableValue, 'table' | 'rowKey' | 'rowLabel' | 'columnKey' | 'columnLabel' | 'path'> & { unit: string }> {
  return slotsOf(template);
}

export function tableValues(report: Report): TableValue[] {
  return slotsOf(report.template).map(({ table, rowKey, rowLabel, columnKey, columnLabel, path, keys }) => {
    let node: unknown = report;
    for (const key of keys) node = (node as Record<string, unknown> | null | undefined)?.[key];
    const source = cellSourceAt(report, path);
    return {
      table,
      rowKey,
      rowLabel,
      columnKey,
      columnLabel,
      path,
      value: typeof node === 'number' ? node : null,
      sourceLine: source?.line ?? null,
      sourceTable: source?.table ?? null,
      sourceRow: source?.row ?? null,
      sourceColumn: source?.tableColumn ?? null,
      sourceText: source?.text ?? null,
    };
  });
}
