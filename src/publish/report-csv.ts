/**
 * One report as a tidy CSV: a row per table value, with its labels and its place in the original.
 * RFC 4180, UTF-8 with a byte-order mark so that Excel on a Chinese Windows desktop shows the
 * characters; a blank cell stays empty, never 0.
 *
 * The file is one report's: what is the same in every row (its agency, region, year and template)
 * is said once, in its JSON and in the bulk reports.csv, not 200 times; report_id stays, so that
 * rows of several reports' files put together still say whose they are (values-<year>.csv is that
 * file, by key, for a whole year).
 */
import { toCsv } from './csv.ts';
import type { Report } from '../schema/report.ts';
import { TABLE_LABELS, type TableValue } from './table-values.ts';

export const TIDY_COLUMNS = [
  'report_id',
  'table',
  'table_label',
  'row_key',
  'row_label',
  'column_key',
  'column_label',
  'value',
  'source_line',
  'source_table',
  'source_row',
  'source_column',
  'source_text',
] as const;

/** The rows of a report's table values (see tableValues, computed once a report for all its files). */
export function tidyRows(report: Report, values: readonly TableValue[]): Array<Array<string | number | null>> {
  return values.map((value) => [
    report.id,
    value.table,
    TABLE_LABELS[value.table],
    value.rowKey,
    value.rowLabel,
    value.columnKey,
    value.columnLabel,
    value.value,
    value.sourceLine,
    value.sourceTable,
    value.sourceRow,
    value.sourceColumn,
    value.sourceText,
  ]);
}

export function reportCsv(report: Report, values: readonly TableValue[]): string {
  return toCsv(TIDY_COLUMNS, tidyRows(report, values));
}
