/**
 * What goes into each bulk file: the columns and rows of the CSV files, the fields the data
 * package describes them by, and each file's piece of a report. Pure functions of a record;
 * bulk.ts writes the files and data-package.ts describes them.
 *
 * The large files are split by year (YEAR_FILES: the records as JSON Lines, the tidy values);
 * the others hold all years (TABLE_FILES: a row per report). The tidy values repeat no label: a
 * value row names its report, template, table, row and column by key, and reports.csv (a row per
 * report) and labels.csv (a row per place in each template's tables) give the rest once.
 */
import { TABLE_LABELS } from '../report-format/tables.ts';
import { BOM, csvRecord, type CsvField } from './csv.ts';
import type { Report, Template } from '../schema/report.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../report-format/applications.ts';
import { CELL_UNITS, isWholeNumber } from '../report-format/numbers.ts';
import { proactiveRowsFor } from '../report-format/proactive.ts';
import { NEWEST_FIRST, TEMPLATES, TEMPLATE_IDS } from '../report-format/templates/index.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { valueSlots, type TableKey, type TableValue } from './table-values.ts';
import { INDICATORS, indicatorParts } from '../figures/indicators.ts';
import { reportMetrics } from '../figures/metrics.ts';
import { countBySeverity } from '../diagnostics/findings.ts';
import { reportSourceName } from './source-file-name.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'date';

export interface Field {
  name: string;
  type: FieldType;
  title: string;
  description?: string;
  unit?: string;
}

export interface WideTable {
  name: string;
  title: string;
  table: TableKey;
  templates: Array<Report['template']>;
  columns: Array<{ path: string; title: string; type: FieldType; unit: string }>;
}

export const ID_FIELDS: Field[] = [
  { name: 'report_id', type: 'string', title: '报告编号', description: 'Stable id of the report: agency slug and year' },
  { name: 'agency', type: 'string', title: '机构', description: 'The agency, as the portal names it' },
  { name: 'region', type: 'string', title: '地区', description: 'Regions, largest first, joined by “ › ”' },
  { name: 'year', type: 'integer', title: '统计年度', description: 'The year the statistics cover' },
  {
    name: 'template',
    type: 'string',
    title: '表格模板',
    description: `${TEMPLATE_IDS.join(' or ')} (${TEMPLATES.map((template) => template.notice).join(' / ')})`,
  },
];

/** The wide tables: one row per report, one column per value of the table. */
export function wideTables(): WideTable[] {
  const proactive = (template: Report['template']): WideTable => ({
    name: `proactive-${template}`,
    title: `${TABLE_LABELS.proactive}（${template}年版模板）`,
    table: 'proactive',
    templates: [template],
    columns: proactiveRowsFor(template).flatMap((row) =>
      row.columns.map((column) => ({
        path: `${row.key}.${column.key}`,
        title: `第二十条第（${row.item}）项·${row.label}·${column.label}`,
        type: isWholeNumber(column.kind) ? ('integer' as const) : ('number' as const),
        unit: CELL_UNITS[column.kind],
      })),
    ),
  });
  return [
    ...NEWEST_FIRST.map((template) => proactive(template.id as Report['template'])),
    {
      name: 'applications',
      title: TABLE_LABELS.applications,
      table: 'applications',
      templates: [...TEMPLATE_IDS] as Array<Report['template']>,
      columns: APPLICATION_ROWS.flatMap((row) =>
        APPLICANT_COLUMNS.map((column) => ({
          path: `${row.path}.${column.key}`,
          title: `${row.label}·${column.label}${row.templates.length < TEMPLATE_IDS.length ? `（仅${row.templates.join('、')}年版模板）` : ''}`,
          type: 'integer' as const,
          unit: '件',
        })),
      ),
    },
    {
      name: 'review-litigation',
      title: TABLE_LABELS.reviewLitigation,
      table: 'reviewLitigation',
      templates: [...TEMPLATE_IDS] as Array<Report['template']>,
      columns: REVIEW_GROUPS.flatMap((group) =>
        REVIEW_OUTCOMES.map((outcome) => ({
          path: `${group.key}.${outcome.key}`,
          title: `${group.label}·${outcome.label}`,
          type: 'integer' as const,
          unit: '件',
        })),
      ),
    },
  ];
}

function idCells(report: Report): Array<string | number> {
  return [report.id, report.agency.canonicalName, report.agency.region.join(' › '), report.year, report.template];
}

/** A report's row of a wide table; `values` are the report's table values by their JSON path. */
function wideRow(table: WideTable, report: Report, values: ReadonlyMap<string, number | null>): CsvField[] {
  return [...idCells(report), ...table.columns.map((column) => values.get(`${table.table}.${column.path}`) ?? null)];
}

/** An indicator's columns: its share, the two figures it divides, and why it is empty. */
const indicatorColumn = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
export const INDICATOR_COLUMNS = [
  ...ID_FIELDS.map((field) => field.name),
  ...INDICATORS.flatMap((indicator) => {
    const name = indicatorColumn(indicator.key);
    return [name, `${name}_numerator`, `${name}_denominator`, `${name}_missing`];
  }),
];

/** A report's row of indicators.csv: each share to four decimals, with the figures it is made of. */
function indicatorRow(report: Report): CsvField[] {
  const parts = indicatorParts(reportMetrics(report));
  return [
    ...idCells(report),
    ...INDICATORS.flatMap((indicator) => {
      const { numerator, denominator, value, reason } = parts[indicator.key]!;
      return [value === null ? null : value.toFixed(4), numerator, denominator, reason === 'none' ? 'zero' : reason];
    }),
  ];
}

export const INDICATOR_FIELDS: Field[] = [
  ...ID_FIELDS,
  ...INDICATORS.flatMap((indicator): Field[] => {
    const name = indicatorColumn(indicator.key);
    return [
      { name, type: 'number', title: indicator.label, description: `${indicator.formula}, as a share from 0 to 1, to four decimals. Empty where a figure it needs is blank or the denominator is 0 (see ${name}_missing) — never computed across a blank` },
      { name: `${name}_numerator`, type: 'integer', title: `${indicator.label}·分子`, unit: '件', description: `The numerator: ${indicator.formula.split('÷')[0]!.trim()}; empty where a figure of it is blank` },
      { name: `${name}_denominator`, type: 'integer', title: `${indicator.label}·分母`, unit: '件', description: `The denominator: ${indicator.formula.split('÷')[1]!.trim()}; empty where a figure of it is blank` },
      { name: `${name}_missing`, type: 'string', title: `${indicator.label}·为何为空`, description: 'blank: a figure it needs is blank in the report; zero: the denominator is 0; empty where the share is given' },
    ];
  }),
];

export const FINDING_COLUMNS = ['finding_id', 'report_id', 'agency', 'year', 'rule', 'severity', 'message', 'paths', 'source_line', 'source_column'] as const;

function findingRows(report: Report): CsvField[][] {
  return report.findings.map((finding, index) => [
      `${report.id}-${index + 1}`,
      report.id,
      report.agency.canonicalName,
      report.year,
      finding.rule,
      finding.severity,
      finding.message,
      finding.paths.join(' '),
      finding.line,
      finding.column,
    ]);
}

export const FINDING_FIELDS: Field[] = [
  { name: 'finding_id', type: 'string', title: '编号', description: 'report_id and the finding’s number in that report' },
  { name: 'report_id', type: 'string', title: '报告编号' },
  { name: 'agency', type: 'string', title: '机构' },
  { name: 'year', type: 'integer', title: '统计年度' },
  { name: 'rule', type: 'string', title: '规则', description: 'Rule id, e.g. row-total; see the data dictionary' },
  { name: 'severity', type: 'string', title: '程度', description: 'error: a value is missing or unreadable; warning: numbers as printed do not add up, or should be checked; info: a note' },
  { name: 'message', type: 'string', title: '说明', description: 'What should hold and what the report says, with the numbers' },
  { name: 'paths', type: 'string', title: '涉及的数值', description: 'JSON paths of the values concerned, space separated' },
  { name: 'source_line', type: 'integer', title: '原文行号' },
  { name: 'source_column', type: 'integer', title: '原文列号' },
];


/** reports.csv: one row per report, the fields the other files leave out (they join on report_id). */
export const REPORT_FIELDS: Field[] = [
  ...ID_FIELDS,
  { name: 'agency_slug', type: 'string', title: '机构地址名', description: 'The agency’s part of the portal’s addresses: /agencies/<agency_slug>/<year>/' },
  { name: 'title', type: 'string', title: '标题', description: 'The report’s title as published' },
  { name: 'published_on', type: 'date', title: '发文日期', description: 'The date the report was published (YYYY-MM-DD); empty where neither the report nor its page states it' },
  { name: 'errors', type: 'integer', title: '错误数', description: 'Findings of severity error: values missing or unreadable (see findings.csv)' },
  { name: 'warnings', type: 'integer', title: '警告数', description: 'Findings of severity warning: numbers that do not add up, or should be checked' },
  { name: 'notes', type: 'integer', title: '提示数', description: 'Findings of severity info' },
  { name: 'record', type: 'string', title: '记录文件', description: 'The report’s JSON record, relative to the portal’s /data/ folder' },
  { name: 'source_file', type: 'string', title: '原文文件名', description: 'The original file’s name as it was collected' },
  { name: 'source_download', type: 'string', title: '原文下载', description: 'The original file as published by the portal, relative to its /data/ folder (a web page as .html.txt)' },
  { name: 'source_format', type: 'string', title: '原文格式', description: 'html, docx, doc, pdf, text, markdown …' },
  { name: 'source_bytes', type: 'integer', title: '原文大小', unit: '字节', description: 'The original file’s size in bytes' },
  { name: 'source_sha256', type: 'string', title: '原文SHA-256', description: 'SHA-256 of the original file, as the record’s source.sha256' },
  { name: 'source_url', type: 'string', title: '原文网址', description: 'The report’s page on the agency’s own site, where the source states it' },
];

function reportRow(report: Report): CsvField[] {
  const counts = countBySeverity(report.findings);
  return [
    ...idCells(report),
    report.agency.slug,
    report.title,
    report.publishedOn,
    counts.error,
    counts.warning,
    counts.info,
    `reports/${report.id}.json`,
    report.source.path,
    `sources/${reportSourceName(report.id, report.source.path)}`,
    report.source.format,
    report.source.bytes,
    report.source.sha256,
    report.source.metadata?.url ?? null,
  ];
}

/** labels.csv: every value's place in each template's tables with its labels and unit, once. */
export const LABEL_FIELDS: Field[] = [
  { name: 'template', type: 'string', title: '表格模板', description: `${TEMPLATE_IDS.join(' or ')}: the template whose tables the place is in` },
  { name: 'table', type: 'string', title: '表格', description: 'proactive, applications or reviewLitigation' },
  { name: 'row_key', type: 'string', title: '行键', description: 'The row’s key in the JSON, e.g. results.denied.stateSecret' },
  { name: 'column_key', type: 'string', title: '栏键', description: 'The column’s key in the JSON, e.g. naturalPerson' },
  { name: 'table_label', type: 'string', title: '表格名称', description: 'The table as the template titles it' },
  { name: 'row_label', type: 'string', title: '行', description: 'The row as the template words it' },
  { name: 'column_label', type: 'string', title: '栏', description: 'The column as the template words it' },
  { name: 'unit', type: 'string', title: '单位', description: 'The unit of the values: 件, 元 or 万元' },
];

/** The rows of labels.csv: every template's, newest template first. */
export function labelRows(): CsvField[][] {
  return NEWEST_FIRST.flatMap((template) =>
    valueSlots(template.id as Template).map((slot) => [template.id, slot.table, slot.rowKey, slot.columnKey, TABLE_LABELS[slot.table], slot.rowLabel, slot.columnLabel, slot.unit]),
  );
}

/** values-<year>.csv: one row per table value; its labels are in labels.csv, its report in reports.csv. */
export const VALUE_FIELDS: Field[] = [
  { name: 'report_id', type: 'string', title: '报告编号', description: 'The report (reports.csv: agency, region, dates, source file)' },
  { name: 'year', type: 'integer', title: '统计年度', description: 'The year the statistics cover' },
  { name: 'template', type: 'string', title: '表格模板', description: `${TEMPLATE_IDS.join(' or ')}; with table, row_key and column_key, the place’s labels and unit in labels.csv` },
  { name: 'table', type: 'string', title: '表格', description: 'proactive, applications or reviewLitigation' },
  { name: 'row_key', type: 'string', title: '行键', description: 'The row’s key in the JSON, e.g. results.denied.stateSecret' },
  { name: 'column_key', type: 'string', title: '栏键', description: 'The column’s key in the JSON, e.g. naturalPerson' },
  { name: 'value', type: 'number', title: '数值', description: 'The value; empty where the cell is blank or unreadable — never 0. In the unit labels.csv gives: counts in 件, 本年收费金额 in 万元, 采购总金额 in 元' },
  { name: 'source_line', type: 'integer', title: '原文行号', description: 'Line of the cell in the source file (empty for a Word file)' },
  { name: 'source_table', type: 'integer', title: '原文第几张表', description: 'Which of the report’s tables the cell is in, from 1, in the order they come (tables a web page uses only for layout not counted)' },
  { name: 'source_row', type: 'integer', title: '表中第几行', description: 'The cell’s row in that table, from 1, header rows included; a merged cell counts in every row it spans' },
  { name: 'source_column', type: 'integer', title: '表中第几列', description: 'The cell’s column in that table, from 1; a merged cell counts in every column it spans' },
  { name: 'source_text', type: 'string', title: '原文', description: 'The cell’s text as published' },
];

function valueRows(report: Report, values: readonly TableValue[]): string {
  let text = '';
  for (const value of values) {
    text += csvRecord([
      report.id,
      report.year,
      report.template,
      value.table,
      value.rowKey,
      value.columnKey,
      value.value,
      value.sourceLine,
      value.sourceTable,
      value.sourceRow,
      value.sourceColumn,
      value.sourceText,
    ]);
  }
  return text;
}

export interface FileInfo {
  name: string;
  title: string;
  description: string;
}

/** What a report's pieces are made from, when they are made rather than taken from the last build. */
export interface ReportContent {
  report: Report;
  /** The record as JSON.stringify writes it (one line). */
  json: string;
  values: readonly TableValue[];
}

/** A bulk file with a piece per report (see PieceFile), and how a report's piece is made. */
export interface PieceFileSpec extends FileInfo {
  head: string;
  separator: string;
  tail: (anyPiece: boolean) => string;
  /** Compressed a piece at a time, each piece's segment reused by the next build (the large files). */
  segmented: boolean;
  /**
   * Published only as its .gz copy, on the portal and in the zip: a file for programs, which read
   * gzip, that no person opens. The plain file stays in the build's data folder, where the next build copies
   * unchanged reports' pieces from it.
   */
  compressedOnly?: boolean;
  piece: (content: ReportContent, values: ReadonlyMap<string, number | null>) => string;
}

/** A JSON array whose items are the pieces: the same bytes as JSON.stringify(items, null, 2) and a newline. */
const JSON_ARRAY = { head: '[', separator: ',', tail: (anyPiece: boolean) => (anyPiece ? '\n]\n' : ']\n') };
const NO_JOINS = { separator: '', tail: () => '' };
const csv = (columns: readonly string[]) => ({ ...NO_JOINS, head: BOM + csvRecord(columns) });

/** Items as JSON.stringify writes them inside an array: each on a new line, indented one level. */
function arrayItems(items: readonly unknown[]): string {
  return items.length === 0 ? '' : JSON.stringify(items, null, 2).slice(1, -2);
}

/**
 * The files of one year each, `{year}` in their names and titles: the large ones, a record or a
 * row per value, so that no file grows past a year's reports (at 10,000 reports over six years,
 * ~50 MB each rather than ~300 MB for all years in one).
 */
export const YEAR_FILES: readonly PieceFileSpec[] = [
  {
    name: 'reports-{year}.jsonl',
    title: '{year}年度全部报告（JSON Lines，每行一份）',
    description: 'The records of the reports on year {year}, one per line (JSON Lines), each valid against report.schema.json',
    ...NO_JOINS,
    head: '',
    segmented: true,
    // Each record is also its own file (reports/<id>.json); a year's records together are for
    // programs. Plain, they were a ninth of the site (~20 KB a report).
    compressedOnly: true,
    piece: ({ json }) => `${json}\n`,
  },
  {
    name: 'values-{year}.csv',
    title: '{year}年度全部数值（CSV，每个数值一行）',
    description: 'One row per table value of the reports on year {year}: report, template, table, row and column keys, value, and where it is in the original; labels in labels.csv, reports in reports.csv',
    ...csv(VALUE_FIELDS.map((field) => field.name)),
    segmented: true,
    // A row per value, by key: for programs, which read gzip (pandas, R, DuckDB, frictionless),
    // and joined to labels.csv to be read at all. A spreadsheet has the wide files of one table
    // each and a report's own CSV. Plain, the years' values were a sixth of the site (~26 KB a
    // report at 10,000), and a twentieth of that compressed.
    compressedOnly: true,
    piece: ({ report, values }) => valueRows(report, values),
  },
];

/** Whether `name` is the file `spec` makes for some year. */
function isYearFile(spec: PieceFileSpec, name: string): boolean {
  const [before = '', after = ''] = spec.name.split('{year}');
  return name.startsWith(before) && name.endsWith(after) && /^\d{4}$/.test(name.slice(before.length, name.length - after.length));
}

/** Whether the site publishes this bulk file as it is (false: only its .gz copy, see compressedOnly). */
export function publishedPlain(name: string): boolean {
  return !YEAR_FILES.some((spec) => spec.compressedOnly && isYearFile(spec, name));
}

/** A year file's spec for one year. */
export function yearFile(spec: PieceFileSpec, year: number): PieceFileSpec {
  const of = (text: string) => text.replaceAll('{year}', String(year));
  return { ...spec, name: of(spec.name), title: of(spec.title), description: of(spec.description) };
}

/** The files of all years with a row (or none) per report: small, one row per report at most. */
export const TABLE_FILES: readonly PieceFileSpec[] = [
  {
    name: 'reports.csv',
    title: '报告一览（CSV，每份报告一行）',
    description: 'One row per report: agency, region, year, template, title, publication date, findings by severity, record and original file with its size, SHA-256 and address',
    ...csv(REPORT_FIELDS.map((field) => field.name)),
    segmented: false,
    piece: ({ report }) => csvRecord(reportRow(report)),
  },
  ...wideTables().map((table) => ({
    name: `${table.name}.csv`,
    title: `${table.title}（CSV，每份报告一行）`,
    description: `One row per report, one column per value of the table${table.templates.length === 1 ? ` (reports on the ${table.templates[0]} template)` : ''}`,
    ...csv([...ID_FIELDS.map((field) => field.name), ...table.columns.map((column) => column.path)]),
    segmented: false,
    piece: ({ report }: ReportContent, values: ReadonlyMap<string, number | null>) =>
      table.templates.includes(report.template) ? csvRecord(wideRow(table, report, values)) : '',
  })),
  {
    name: 'indicators.csv',
    title: '指标（CSV，每份报告一行）',
    description: 'One row per report: 公开率, 不予公开率 and 纠错率, each with the two figures it divides and why it is empty where it is',
    ...csv(INDICATOR_COLUMNS),
    segmented: false,
    piece: ({ report }) => csvRecord(indicatorRow(report)),
  },
  {
    name: 'findings.csv',
    title: '发现的问题（CSV）',
    description: 'Every finding of every report',
    ...csv(FINDING_COLUMNS),
    segmented: false,
    piece: ({ report }) => findingRows(report).map(csvRecord).join(''),
  },
  {
    name: 'findings.json',
    title: '发现的问题（JSON）',
    description: 'Every finding, with its report',
    ...JSON_ARRAY,
    segmented: false,
    piece: ({ report }) => arrayItems(report.findings.map((finding) => ({ reportId: report.id, agency: report.agency.canonicalName, year: report.year, ...finding }))),
  },
];

/** labels.csv, made whole: it depends on the templates only. */
export const LABELS_FILE: FileInfo = {
  name: 'labels.csv',
  title: '行列名称（CSV，每个数值位置一行）',
  description: 'Each template’s table, row and column keys with the labels and unit the template gives them: the labels of values-<year>.csv',
};
