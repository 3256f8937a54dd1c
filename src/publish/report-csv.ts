/**
 * One report as a tidy CSV: a row per table value. RFC 4180, UTF-8 with a byte-order mark so
 * that Excel on a Chinese Windows desktop shows the characters; a blank cell stays empty, never 0.
 */
import { toCsv } from './csv.ts';
import type { Report } from '../schema/report.ts';
import { TABLE_LABELS, type TableValue } from './table-values.ts';

export const TIDY_COLUMNS = [
  'report_id',
  'agency',
  'region',
  'year',
  'template',
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
    report.agency.canonicalName,
    report.agency.region.join(' › '),
    report.year,
    report.template,
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
