/**
 * One report as a tidy CSV: a row per table value, with its labels and its place in the original.
 * RFC 4180, UTF-8 with a byte-order mark so that Excel on a Chinese Windows desktop shows the
 * characters; a blank cell stays empty, never 0.
 *
 * The file is one report's: what is the same in every row (its id, agency, region, year and
 * template) is said once, in its name, its JSON and the bulk reports.csv, not 200 times. The id
 * alone was a quarter to a third of the file (a 50-character id on each of ~200 rows). Rows of many
 * reports, each with its report_id, are values-<year>.csv, by key, for a whole year.
 *
 * Nor does each row repeat its table's title (主动公开政府信息情况 and the two others, 30
 * bytes on every row, a quarter of the file): the key says which of the three tables a row is in,
 * and the row and column labels say the rest as the template words it. The titles are in
 * labels.csv and the data dictionary.
 */
import { LABEL_FIELDS, VALUE_FIELDS, type Field } from './bulk-files.ts';
import { toCsv } from './csv.ts';
import type { TableValue } from './table-values.ts';

/** Each column: as values-<year>.csv and labels.csv describe it (the same words for the same column). */
const field = (name: string): Field => [...VALUE_FIELDS, ...LABEL_FIELDS].find((candidate) => candidate.name === name)!;

export const REPORT_CSV_FIELDS: readonly Field[] = [
  'table',
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
].map(field);

export const TIDY_COLUMNS = REPORT_CSV_FIELDS.map((column) => column.name);

/**
 * The columns of every report's CSV as a Frictionless Table Schema, published beside the records'
 * JSON Schema (/data/report-csv.schema.json): a CSV of one report is a table of this schema.
 */
export function reportCsvTableSchema(): Record<string, unknown> {
  return {
    title: '每份报告的数值（CSV，每个数值一行）',
    description:
      'The columns of /data/reports/<id>.csv: one row per table value of the report, in the order of its template’s tables, blanks included (value empty, never 0). UTF-8 with a byte-order mark (for Excel), RFC 4180, CRLF line ends. The report itself is named by the file: its id, agency, region, year and template are in its JSON and in /data/bulk/reports.csv.',
    fields: REPORT_CSV_FIELDS,
    primaryKey: ['table', 'row_key', 'column_key'],
    missingValues: [''],
  };
}

/** The rows of a report's table values (see tableValues, computed once a report for all its files). */
export function tidyRows(values: readonly TableValue[]): Array<Array<string | number | null>> {
  return values.map((value) => [
    value.table,
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

export function reportCsv(values: readonly TableValue[]): string {
  return toCsv(TIDY_COLUMNS, tidyRows(values));
}
