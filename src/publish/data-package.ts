/**
 * What the bulk data says of itself: the Frictionless data package describing the CSV files
 * (fields, types, units, keys, and how they join) and the README, from the reports as a whole.
 *
 * Encoding: each CSV starts with a UTF-8 byte-order mark, which Excel on a Chinese desktop needs
 * to read it as UTF-8. The package names the encoding `utf-8`, as the Data Resource spec asks (one
 * of IANA's preferred MIME names; `utf-8-sig`, which it said before, is a Python codec name that
 * other readers refuse), and says in each resource's description that the mark is there. Readers
 * skip it: csv-parse with `bom: true`, frictionless-py (which reads UTF-8 that starts with the
 * mark as utf-8-sig), Python's `encoding="utf-8-sig"`, R's readr.
 */
import { SCHEMA_VERSION } from '../schema/report.ts';
import {
  FINDING_FIELDS,
  ID_FIELDS,
  INDICATOR_FIELDS,
  LABEL_FIELDS,
  REPORT_FIELDS,
  VALUE_FIELDS,
  YEAR_FILES,
  wideTables,
  yearFile,
  type Field,
} from './bulk-files.ts';
import { listingGroups, type ListedFile } from './bulk-listing.ts';

const BOM_NOTE = 'UTF-8 with a byte-order mark (for Excel): a reader that does not skip it sees it before the first column’s name.';

/** What the package says of a file: its size and hash, or its .gz copy's where only that is published. */
type DescribedFile = Pick<ListedFile, 'bytes' | 'sha256' | 'gzip' | 'compressedOnly'>;

interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** Every report_id names a row of reports.csv. */
const TO_REPORTS: ForeignKey = { fields: ['report_id'], reference: { resource: 'reports', fields: ['report_id'] } };
/** A value's template, table, row and column name a row of labels.csv. */
const LABEL_KEY = ['template', 'table', 'row_key', 'column_key'];
const TO_LABELS: ForeignKey = { fields: LABEL_KEY, reference: { resource: 'labels', fields: LABEL_KEY } };

function resource(
  name: string,
  path: string,
  title: string,
  fields: Field[],
  primaryKey: string[],
  foreignKeys: ForeignKey[],
  file: DescribedFile | undefined,
) {
  // A file published only compressed is described as its .gz copy, the file a reader has (on the
  // portal and in the zip): frictionless-py and frictionless-r read a path ending in .gz through
  // gzip (frictionless-py also takes `compression`), and count its size and hash on the bytes
  // as stored, the .gz's.
  const stored = file?.compressedOnly ? file.gzip : null;
  return {
    name,
    path: stored ? stored.name : path,
    title,
    description: stored ? `${BOM_NOTE} Published gzip-compressed only: ${path} inside ${stored.name}.` : BOM_NOTE,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    ...(stored ? { compression: 'gz' } : {}),
    ...(stored ? { bytes: stored.bytes, hash: `sha256:${stored.sha256}` } : file ? { bytes: file.bytes, hash: `sha256:${file.sha256}` } : {}),
    dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
    schema: { fields, primaryKey, ...(foreignKeys.length > 0 ? { foreignKeys } : {}), missingValues: [''] },
  };
}

/**
 * The data package: a resource per CSV file (a year's values each), with its size and checksum
 * from `files`, its primary key and its foreign keys.
 */
export function dataPackage(reportCount: number, years: readonly number[], files: ReadonlyMap<string, DescribedFile>): Record<string, unknown> {
  const csv = (name: string, title: string, fields: Field[], primaryKey: string[], foreignKeys: ForeignKey[]) =>
    resource(name, `${name}.csv`, title, fields, primaryKey, foreignKeys, files.get(`${name}.csv`));
  const valuesSpec = YEAR_FILES.find((spec) => spec.name.endsWith('.csv'))!;
  const wide = wideTables().map((table) =>
    csv(
      table.name,
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
      [TO_REPORTS],
    ),
  );
  return {
    profile: 'tabular-data-package',
    name: 'gongkai-annual-reports',
    title: '政府信息公开工作年度报告统计数据 — Government information disclosure annual reports',
    description: `The three statistical tables of ${reportCount} annual reports (政府信息公开工作年度报告), read from the agencies' published reports. Schema version ${SCHEMA_VERSION}. The values are in one file per year (values-<year>.csv); each names its report (reports.csv) and its place in the template's tables (labels.csv) by key.`,
    version: SCHEMA_VERSION,
    licenses: [{ name: 'other-pd', title: 'Public government information published under the 政府信息公开条例' }],
    sources: [{ title: 'The agencies’ published reports; each record names its source file and checksum' }],
    resources: [
      csv('reports', '报告一览（每份报告一行）', REPORT_FIELDS, ['report_id'], []),
      csv('labels', '行列名称（每个数值位置一行）', LABEL_FIELDS, LABEL_KEY, []),
      ...years.map((year) => {
        const spec = yearFile(valuesSpec, year);
        return csv(spec.name.replace(/\.csv$/, ''), spec.title, VALUE_FIELDS, ['report_id', 'table', 'row_key', 'column_key'], [TO_REPORTS, TO_LABELS]);
      }),
      ...wide,
      csv('indicators', '指标（每份报告一行）', INDICATOR_FIELDS, ['report_id'], [TO_REPORTS]),
      csv('findings', '发现的问题', FINDING_FIELDS, ['finding_id'], [TO_REPORTS]),
    ],
  };
}

/** A Markdown table cell: no pipe or line break from a title can break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The files in the README's groups: each with its size and checksum, its .gz copy's below it. */
function fileTables(files: readonly ListedFile[]): string[] {
  return listingGroups(files).flatMap((group) => [
    `### ${group.english} (${group.title})`,
    '',
    '| file | what it holds | bytes | SHA-256 |',
    '|---|---|--:|---|',
    ...group.files.flatMap((file) => [
      `| \`${file.name}\` | ${cell(file.description)}${file.compressedOnly ? ' (published only as its .gz copy, below: these are the bytes it gunzips to)' : ''} | ${file.bytes} | \`${file.sha256}\` |`,
      ...(file.gzip
        ? [`| \`${file.gzip.name}\` | the same, gzip-compressed (${file.compressedOnly ? 'in its place, on the portal and in the zip' : 'beside it on the portal, not in the zip'}) | ${file.gzip.bytes} | \`${file.gzip.sha256}\` |`]
        : []),
    ]),
    '',
  ]);
}

export function readme({ reports, agencies, years, byRule }: BulkSummary, files: readonly ListedFile[]): string {
  return [
    '# 政府信息公开工作年度报告统计数据 / Government information disclosure annual reports',
    '',
    `${reports} reports from ${agencies.size} agencies, statistics years ${years.reduce((a, b) => Math.min(a, b), Infinity)}–${years.reduce((a, b) => Math.max(a, b), -Infinity)}. Schema version ${SCHEMA_VERSION}.`,
    '',
    '## What the data is',
    '',
    'Every Chinese administrative agency publishes a 政府信息公开工作年度报告 each year with three fixed statistical tables: proactive disclosure (主动公开政府信息情况, part 2), the applications matrix (收到和处理政府信息公开申请情况, part 3) and review and litigation (政府信息公开行政复议、行政诉讼情况, part 4). These files hold every value of those tables as the agencies printed them.',
    '',
    '- A blank cell is empty (CSV) or null (JSON), never 0. Nothing is recomputed: 总计 is the number the report prints.',
    '- Units are those the template’s columns name: counts in 件, 本年收费金额 in 万元, 采购总金额 in 元 (a cell “385万元” is 3850000).',
    '- Every value can be traced: each record’s `source.cells` gives, at the same path as the value (`source.cells.applications.newReceived.total`), the cell it was read from: `[line, column, table, row, tableColumn]` (its line and column in the file, its table, row and column in the report’s tables) and, where the printed text is not the value itself, that text, `source.sha256` the checksum of the file, `source.metadata.url` the report’s page on the agency’s site where the page states it.',
    '- `indicators.csv` gives three shares per report, each from the report’s own totals and with the two figures it divides: 公开率 (granted in full or in part, of all handled), 不予公开率 (denied, of all handled), 纠错率 (reviews and lawsuits whose result corrected the agency, of all of them). None is computed across a blank.',
    '',
    '## Where it comes from',
    '',
    'The reports as the agencies published them (web pages, Word files, text), read by Gongkai. Each report’s original file is published beside its record.',
    '',
    '## How the files fit together',
    '',
    '- The records are split by the year their statistics cover: `reports-<year>.jsonl.gz`, one record per line, each valid against the portal’s `report.schema.json`, gzip-compressed. All years as one file: `gzip -dc reports-*.jsonl.gz > reports.jsonl`.',
    '- The table values are split the same way: `values-<year>.csv.gz`, one row per value of every report of the year, blanks included (`value` empty), gzip-compressed. A row names its place by key only; join it',
    '  - to `reports.csv` on `report_id` for the agency, region, title, publication date and source file (one row per report), and',
    '  - to `labels.csv` on `template`, `table`, `row_key` and `column_key` for the table’s, row’s and column’s Chinese labels and the unit (one row per place in each template’s tables).',
    '  `datapackage.json` declares these joins as foreign keys. With pandas: `values = pandas.read_csv("values-2023.csv.gz", encoding="utf-8-sig")`, then `values.merge(reports, on="report_id").merge(labels, on=["template", "table", "row_key", "column_key"])`; R’s readr and DuckDB read the `.gz` as it is. In a spreadsheet, unpack it first (`gunzip -k`, or 7-Zip on Windows), load it with `reports.csv` and `labels.csv` (Excel: Power Query, Merge Queries; LibreOffice: VLOOKUP on the keys), then pivot on `row_key`/`row_label` and `column_key`/`column_label`; for one table across reports, the wide files below are ready to open.',
    '- `applications.csv`, `proactive-<template>.csv`, `review-litigation.csv`, `indicators.csv`: one row per report across all years, one column per value (named by its JSON path), the agency, region, year and template repeated in each row.',
    '- The CSV files are RFC 4180, UTF-8 with a byte-order mark (for Excel; csv-parse’s `bom` option, Python’s `utf-8-sig` and R’s readr skip it), CRLF line ends.',
    '- Every file over a few kilobytes has a `.gz` copy beside it on the portal (the same bytes, gzip-compressed; `gunzip -k` or any gzip reader). A year’s records (`reports-<year>.jsonl`) and values (`values-<year>.csv`) are published only as their `.gz` copy: they are for programs, which read gzip (`pandas.read_json(path, lines=True)`, `gzip -dc file | jq`), and each record is also its own file, `/data/reports/<id>.json`, with its values as a CSV, `/data/reports/<id>.csv`. `gongkai-data.zip` holds every file of all years in one archive, as the portal publishes it: these two kinds as their `.gz`, the others plain, so that `datapackage.json` names the same files in the zip and on the portal.',
    '',
    '## Files',
    '',
    'Sizes in bytes, with SHA-256 checksums (`sha256sum -c SHA256SUMS` checks the files you have; `SHA256SUMS` also gives the zip’s, which cannot be in a file the zip holds).',
    '',
    ...fileTables(files),
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

/** What the README and the data package say of the reports as a whole. */
export interface BulkSummary {
  reports: number;
  agencies: Set<string>;
  years: number[];
  byRule: Map<string, number>;
}
