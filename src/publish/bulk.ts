/**
 * The bulk downloads: every report in one JSON file and as JSON Lines, one tidy CSV with a row
 * per table value, one wide CSV per table with a row per report, the findings as CSV and JSON, a
 * Frictionless data package describing the CSV files, a README, a zip of all of it, and SHA-256
 * checksums. Everything is a pure function of the records, so two builds give the same bytes.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { zipFiles } from './zip.ts';
import type { Report } from '../schema/report.ts';
import { SCHEMA_VERSION } from '../schema/report.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../report-format/applications.ts';
import { PROACTIVE_ROWS } from '../report-format/proactive.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { TIDY_COLUMNS, tidyRows } from './report-csv.ts';
import { tableValues, type TableKey } from './table-values.ts';

export interface BulkFile {
  name: string;
  title: string;
  description: string;
  content: Uint8Array;
}

export interface ChecksumEntry {
  name: string;
  title: string;
  description: string;
  bytes: number;
  sha256: string;
}

const encoder = new TextEncoder();
const BOM = '\uFEFF';

/** RFC 4180 CSV, CRLF line ends, UTF-8 with a byte-order mark (Excel on a Chinese desktop). */
export function toCsv(header: readonly string[], rows: Array<Array<string | number | null>>): string {
  return `${BOM}${stringify([[...header], ...rows], { record_delimiter: '\r\n', cast: { number: String } })}`;
}

type FieldType = 'string' | 'integer' | 'number';

interface Field {
  name: string;
  type: FieldType;
  title: string;
  description?: string;
  unit?: string;
}

interface WideTable {
  name: string;
  title: string;
  table: TableKey;
  templates: Array<Report['template']>;
  columns: Array<{ path: string; title: string; type: FieldType; unit: string }>;
}

const ID_FIELDS: Field[] = [
  { name: 'report_id', type: 'string', title: '报告编号', description: 'Stable id of the report: agency slug and year' },
  { name: 'agency', type: 'string', title: '机构', description: 'The agency, as the portal names it' },
  { name: 'region', type: 'string', title: '地区', description: 'Regions, largest first, joined by “ › ”' },
  { name: 'year', type: 'integer', title: '统计年度', description: 'The year the statistics cover' },
  { name: 'template', type: 'string', title: '表格模板', description: '2019 or 2021 (国办公开办函〔2019〕60号 / 〔2021〕30号)' },
];

function unitOf(kind: string): string {
  return kind === 'tenThousandYuan' ? '万元' : kind === 'yuan' ? '元' : '件';
}

/** The wide tables: one row per report, one column per value of the table. */
export function wideTables(): WideTable[] {
  const proactive = (template: Report['template']): WideTable => ({
    name: `proactive-${template}`,
    title: `主动公开政府信息情况（${template}年版模板）`,
    table: 'proactive',
    templates: [template],
    columns: PROACTIVE_ROWS[template].flatMap((row) =>
      row.columns.map((column) => ({
        path: `${row.key}.${column.key}`,
        title: `第二十条第（${row.item}）项·${row.label}·${column.label}`,
        type: column.kind === 'count' || column.kind === 'signedCount' ? ('integer' as const) : ('number' as const),
        unit: unitOf(column.kind),
      })),
    ),
  });
  return [
    proactive('2021'),
    proactive('2019'),
    {
      name: 'applications',
      title: '收到和处理政府信息公开申请情况',
      table: 'applications',
      templates: ['2019', '2021'],
      columns: APPLICATION_ROWS.flatMap((row) =>
        APPLICANT_COLUMNS.map((column) => ({
          path: `${row.path}.${column.key}`,
          title: `${row.label}·${column.label}${row.templates.length === 1 ? `（仅${row.templates[0]}年版模板）` : ''}`,
          type: 'integer' as const,
          unit: '件',
        })),
      ),
    },
    {
      name: 'review-litigation',
      title: '政府信息公开行政复议、行政诉讼情况',
      table: 'reviewLitigation',
      templates: ['2019', '2021'],
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

function wideCsv(table: WideTable, reports: Report[]): string {
  const rows = reports
    .filter((report) => table.templates.includes(report.template))
    .map((report) => {
      const values = new Map(tableValues(report).filter((v) => v.table === table.table).map((v) => [`${v.rowKey}.${v.columnKey}`, v.value]));
      return [...idCells(report), ...table.columns.map((column) => values.get(column.path) ?? null)];
    });
  return toCsv([...ID_FIELDS.map((field) => field.name), ...table.columns.map((column) => column.path)], rows);
}

export const FINDING_COLUMNS = ['finding_id', 'report_id', 'agency', 'year', 'rule', 'severity', 'message', 'paths', 'source_line', 'source_column'] as const;

function findingRows(reports: Report[]): Array<Array<string | number | null>> {
  return reports.flatMap((report) =>
    report.findings.map((finding, index) => [
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
    ]),
  );
}

const TIDY_FIELDS: Field[] = [
  ...ID_FIELDS,
  { name: 'table', type: 'string', title: '表格', description: 'proactive, applications or reviewLitigation' },
  { name: 'table_label', type: 'string', title: '表格名称', description: 'The table as the template titles it' },
  { name: 'row_key', type: 'string', title: '行键', description: 'The row’s key in the JSON, e.g. results.denied.stateSecret' },
  { name: 'row_label', type: 'string', title: '行', description: 'The row as the template words it' },
  { name: 'column_key', type: 'string', title: '栏键', description: 'The column’s key in the JSON, e.g. naturalPerson' },
  { name: 'column_label', type: 'string', title: '栏', description: 'The column as the template words it (its unit where it names one)' },
  { name: 'value', type: 'number', title: '数值', description: 'The value; empty where the cell is blank or unreadable — never 0. In the unit the column names: counts in 件, 本年收费金额 in 万元, 采购总金额 in 元' },
  { name: 'source_line', type: 'integer', title: '原文行号', description: 'Line of the cell in the source file (empty for a Word file)' },
  { name: 'source_text', type: 'string', title: '原文', description: 'The cell’s text as published' },
];

const FINDING_FIELDS: Field[] = [
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

function resource(name: string, path: string, title: string, fields: Field[], primaryKey: string[]) {
  return {
    name,
    path,
    title,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8-sig',
    dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
    schema: { fields, primaryKey, missingValues: [''] },
  };
}

export function dataPackage(reports: Report[]): Record<string, unknown> {
  const wide = wideTables().map((table) =>
    resource(
      table.name,
      `${table.name}.csv`,
      table.title,
      [
        ...ID_FIELDS,
        ...table.columns.map((column) => ({
          name: column.path,
          type: column.type,
          title: column.title,
          unit: column.unit,
          description: `${column.title}；单位：${column.unit}。Empty where the cell is blank${table.templates.length > 1 ? ' or the row is not in the report’s template' : ''} — never 0.`,
        })),
      ],
      ['report_id'],
    ),
  );
  return {
    profile: 'tabular-data-package',
    name: 'gongkai-annual-reports',
    title: '政府信息公开工作年度报告统计数据 — Government information disclosure annual reports',
    description: `The three statistical tables of ${reports.length} annual reports (政府信息公开工作年度报告), read from the agencies' published reports. Schema version ${SCHEMA_VERSION}.`,
    version: SCHEMA_VERSION,
    licenses: [{ name: 'other-pd', title: 'Public government information published under the 政府信息公开条例' }],
    sources: [{ title: 'The agencies’ published reports; each record names its source file and checksum' }],
    resources: [
      resource('values', 'values.csv', '全部数值（每个数值一行）', TIDY_FIELDS, ['report_id', 'table', 'row_key', 'column_key']),
      ...wide,
      resource('findings', 'findings.csv', '发现的问题', FINDING_FIELDS, ['finding_id']),
    ],
  };
}

function readme(reports: Report[], files: Array<{ name: string; description: string }>): string {
  const byRule = new Map<string, number>();
  for (const finding of reports.flatMap((report) => report.findings)) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  const years = reports.map((report) => report.year);
  return [
    '# 政府信息公开工作年度报告统计数据 / Government information disclosure annual reports',
    '',
    `${reports.length} reports from ${new Set(reports.map((r) => r.agency.slug)).size} agencies, statistics years ${Math.min(...years)}–${Math.max(...years)}. Schema version ${SCHEMA_VERSION}.`,
    '',
    '## What the data is',
    '',
    'Every Chinese administrative agency publishes a 政府信息公开工作年度报告 each year with three fixed statistical tables: proactive disclosure (主动公开政府信息情况, part 2), the applications matrix (收到和处理政府信息公开申请情况, part 3) and review and litigation (政府信息公开行政复议、行政诉讼情况, part 4). These files hold every value of those tables as the agencies printed them.',
    '',
    '- A blank cell is empty (CSV) or null (JSON), never 0. Nothing is recomputed: 总计 is the number the report prints.',
    '- Units are those the template’s columns name: counts in 件, 本年收费金额 in 万元, 采购总金额 in 元 (a cell “385万元” is 3850000).',
    '- Every value can be traced: each record’s `source.cells` gives the line and text of the cell it was read from, `source.sha256` the checksum of the file.',
    '',
    '## Where it comes from',
    '',
    'The reports as the agencies published them (web pages, Word files, text), read by Gongkai. Each report’s original file is published beside its record.',
    '',
    '## Files',
    '',
    ...files.map((file) => `- \`${file.name}\`: ${file.description}`),
    '',
    '## Known to be inconsistent',
    '',
    'Published reports break their own arithmetic often. `findings.csv` lists every problem found, with the numbers; by rule:',
    '',
    ...[...byRule.entries()].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `- ${rule}: ${count}`),
    '',
    '## How to cite',
    '',
    `Gongkai (公开), 政府信息公开工作年度报告统计数据, schema version ${SCHEMA_VERSION}, with the report id and the agency’s own report as the source of each value.`,
    '',
  ].join('\n');
}

/** All bulk files, the zip last, and their checksums. */
export async function bulkFiles(reports: Report[]): Promise<{ files: BulkFile[]; checksums: ChecksumEntry[] }> {
  const sorted = [...reports].sort((a, b) => a.id.localeCompare(b.id));
  const files: BulkFile[] = [
    { name: 'reports.json', title: '全部报告（JSON）', description: 'Every record in one JSON array', content: encoder.encode(`${JSON.stringify(sorted, null, 2)}\n`) },
    { name: 'reports.jsonl', title: '全部报告（JSON Lines）', description: 'One record per line', content: encoder.encode(sorted.map((report) => JSON.stringify(report)).join('\n') + '\n') },
    { name: 'values.csv', title: '全部数值（CSV，每个数值一行）', description: 'One row per table value: report, agency, region, year, template, table, row, column, value, source line', content: encoder.encode(toCsv(TIDY_COLUMNS, sorted.flatMap(tidyRows))) },
    ...wideTables().map((table) => ({
      name: `${table.name}.csv`,
      title: `${table.title}（CSV，每份报告一行）`,
      description: `One row per report, one column per value of the table${table.templates.length === 1 ? ` (reports on the ${table.templates[0]} template)` : ''}`,
      content: encoder.encode(wideCsv(table, sorted)),
    })),
    { name: 'findings.csv', title: '发现的问题（CSV）', description: 'Every finding of every report', content: encoder.encode(toCsv(FINDING_COLUMNS, findingRows(sorted))) },
    {
      name: 'findings.json',
      title: '发现的问题（JSON）',
      description: 'Every finding, with its report',
      content: encoder.encode(`${JSON.stringify(sorted.flatMap((report) => report.findings.map((finding) => ({ reportId: report.id, agency: report.agency.canonicalName, year: report.year, ...finding }))), null, 2)}\n`),
    },
    { name: 'datapackage.json', title: '数据包描述（Frictionless）', description: 'Frictionless data package: the CSV files’ fields, types, units and keys', content: encoder.encode(`${JSON.stringify(dataPackage(sorted), null, 2)}\n`) },
  ];
  files.push({
    name: 'README.md',
    title: '说明',
    description: 'What the data is, where it comes from, how to cite it, what is known to be inconsistent',
    content: encoder.encode(readme(sorted, files)),
  });
  const zip = await zipFiles(files);
  files.push({ name: 'gongkai-data.zip', title: '全部数据（zip）', description: 'All of the files above in one archive', content: zip });
  const checksums = files.map((file) => ({
    name: file.name,
    title: file.title,
    description: file.description,
    bytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  }));
  return { files, checksums };
}

export function sha256sums(checksums: ChecksumEntry[]): string {
  return checksums.map((entry) => `${entry.sha256}  ${entry.name}`).join('\n') + '\n';
}
