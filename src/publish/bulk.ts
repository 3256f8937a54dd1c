/**
 * The bulk downloads: every report in one JSON file and as JSON Lines, one tidy CSV with a row
 * per table value, one wide CSV per table with a row per report, the findings as CSV and JSON, a
 * Frictionless data package describing the CSV files, a README, a zip of all of it, and SHA-256
 * checksums. Everything is a pure function of the records, so two builds give the same bytes.
 *
 * Most files are made of one piece per report (its record, its rows) between a head and a tail,
 * written one report at a time (see BulkWriter and PieceFile), never held whole in memory. A
 * report unchanged since the previous build has the same pieces, so they are copied from that
 * build's files, and the large files' compressed segments from its zip, instead of being made
 * and compressed again: a rebuild after one new report costs that report and the copying.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BOM, csvRecord, type CsvField } from './csv.ts';
import { readManifest, type DataManifest, type ManifestFile } from './data-manifest.ts';
import { deflateWhole } from './deflate-segments.ts';
import { PieceFile, type WrittenFile } from './piece-file.ts';
import { writeZip } from './zip.ts';
import type { Report } from '../schema/report.ts';
import { SCHEMA_VERSION } from '../schema/report.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../report-format/applications.ts';
import { PROACTIVE_ROWS } from '../report-format/proactive.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { TIDY_COLUMNS } from './report-csv.ts';
import type { TableKey, TableValue } from './table-values.ts';
import { INDICATORS, indicatorParts } from '../figures/indicators.ts';
import { reportMetrics } from '../figures/metrics.ts';

export interface ChecksumEntry {
  name: string;
  title: string;
  description: string;
  bytes: number;
  sha256: string;
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

const INDICATOR_FIELDS: Field[] = [
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
  { name: 'source_table', type: 'integer', title: '原文第几张表', description: 'Which of the report’s tables the cell is in, from 1, in the order they come (tables a web page uses only for layout not counted)' },
  { name: 'source_row', type: 'integer', title: '表中第几行', description: 'The cell’s row in that table, from 1, header rows included; a merged cell counts in every row it spans' },
  { name: 'source_column', type: 'integer', title: '表中第几列', description: 'The cell’s column in that table, from 1; a merged cell counts in every column it spans' },
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

export function dataPackage(reportCount: number): Record<string, unknown> {
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
    description: `The three statistical tables of ${reportCount} annual reports (政府信息公开工作年度报告), read from the agencies' published reports. Schema version ${SCHEMA_VERSION}.`,
    version: SCHEMA_VERSION,
    licenses: [{ name: 'other-pd', title: 'Public government information published under the 政府信息公开条例' }],
    sources: [{ title: 'The agencies’ published reports; each record names its source file and checksum' }],
    resources: [
      resource('values', 'values.csv', '全部数值（每个数值一行）', TIDY_FIELDS, ['report_id', 'table', 'row_key', 'column_key']),
      ...wide,
      resource('indicators', 'indicators.csv', '指标（每份报告一行）', INDICATOR_FIELDS, ['report_id']),
      resource('findings', 'findings.csv', '发现的问题', FINDING_FIELDS, ['finding_id']),
    ],
  };
}

function readme({ reports, agencies, years, byRule }: BulkSummary, files: Array<{ name: string; description: string }>): string {
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
    '- Every value can be traced: each record’s `source.cells` gives the cell it was read from (its line in the file, its table, row and column in the report’s tables, and its text), `source.sha256` the checksum of the file, `source.metadata.url` the report’s page on the agency’s site where the page states it.',
    '- `indicators.csv` gives three shares per report, each from the report’s own totals and with the two figures it divides: 公开率 (granted in full or in part, of all handled), 不予公开率 (denied, of all handled), 纠错率 (reviews and lawsuits whose result corrected the agency, of all of them). None is computed across a blank.',
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

/** What the README and the data package say of the reports as a whole. */
interface BulkSummary {
  reports: number;
  agencies: Set<string>;
  years: number[];
  byRule: Map<string, number>;
}

interface FileInfo {
  name: string;
  title: string;
  description: string;
}

/** What a report's pieces are made from, when they are made rather than taken from the last build. */
export interface ReportContent {
  report: Report;
  /** The record as JSON.stringify writes it (one line). */
  json: string;
  /** The report's own tidy CSV (BOM, header, rows): its rows are its piece of values.csv. */
  tidyCsv: string;
  values: readonly TableValue[];
}

/** A bulk file with a piece per report (see PieceFile), and how a report's piece is made. */
interface PieceFileSpec extends FileInfo {
  head: string;
  separator: string;
  tail: (anyPiece: boolean) => string;
  /** Compressed a piece at a time, each piece's segment reused by the next build (the large files). */
  segmented: boolean;
  piece: (content: ReportContent, values: ReadonlyMap<string, number | null>) => string;
}

/** A JSON array whose items are the pieces: the same bytes as JSON.stringify(items, null, 2) and a newline. */
const JSON_ARRAY = { head: '[', separator: ',', tail: (anyPiece: boolean) => (anyPiece ? '\n]\n' : ']\n') };
const NO_JOINS = { separator: '', tail: () => '' };

/** Items as JSON.stringify writes them inside an array: each on a new line, indented one level. */
function arrayItems(items: readonly unknown[]): string {
  return items.length === 0 ? '' : JSON.stringify(items, null, 2).slice(1, -2);
}

function pieceFiles(): PieceFileSpec[] {
  const csv = (columns: readonly string[]) => ({ ...NO_JOINS, head: BOM + csvRecord(columns) });
  return [
    {
      name: 'reports.json',
      title: '全部报告（JSON）',
      description: 'Every record in one JSON array',
      ...JSON_ARRAY,
      segmented: true,
      piece: ({ report }) => arrayItems([report]),
    },
    {
      name: 'reports.jsonl',
      title: '全部报告（JSON Lines）',
      description: 'One record per line',
      ...NO_JOINS,
      head: '',
      segmented: true,
      piece: ({ json }) => `${json}\n`,
    },
    {
      name: 'values.csv',
      title: '全部数值（CSV，每个数值一行）',
      description: 'One row per table value: report, agency, region, year, template, table, row, column, value, and where it is in the original (line; table, row and column)',
      ...csv(TIDY_COLUMNS),
      segmented: true,
      piece: ({ tidyCsv }) => tidyCsv.slice(tidyCsv.indexOf('\r\n') + 2),
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
}

const PIECE_FILES = pieceFiles();
const ZIP = 'gongkai-data.zip';

/** The previous build's manifest, if its bulk files are there as it says (see data-manifest.ts). */
export function previousManifest(dataFolder: string): DataManifest | null {
  return readManifest(dataFolder, ZIP, PIECE_FILES.map((spec) => spec.name));
}

/** A file made whole at the end (the data package, the README), written and deflated. */
async function writtenWhole(folder: string, name: string, text: string): Promise<WrittenFile> {
  const bytes = Buffer.from(text);
  writeFileSync(join(folder, name), bytes);
  return { name, bytes: bytes.length, crc32: crc32(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), deflated: await deflateWhole(bytes) };
}

/**
 * Writes the bulk files into a folder one report at a time (in id order), so that a portal of
 * ten thousand reports never holds them in memory or in one string. A report either brings its
 * content, from which its pieces are made (add), or is unchanged since the previous build, whose
 * pieces are copied from that build's files (reuse). The zip is made of the large files'
 * segments and the small files deflated whole, in a scratch folder removed at the end.
 */
export class BulkWriter {
  private readonly files: Array<{ spec: PieceFileSpec; file: PieceFile }>;
  private readonly summary: BulkSummary = { reports: 0, agencies: new Set(), years: [], byRule: new Map() };
  /** The previous build's bulk files and zip, open for reading. */
  private readonly previousFiles: number[] = [];

  constructor(
    private readonly folder: string,
    private readonly scratch: string,
    private readonly previous: { folder: string; manifest: DataManifest } | null,
  ) {
    mkdirSync(scratch, { recursive: true });
    const open = (name: string) => {
      const fd = openSync(join(previous!.folder, 'bulk', name), 'r');
      this.previousFiles.push(fd);
      return fd;
    };
    const zip = previous && open(ZIP);
    this.files = PIECE_FILES.map((spec) => ({
      spec,
      file: new PieceFile(
        spec.name,
        join(folder, spec.name),
        { ...spec, segments: spec.segmented ? join(scratch, `${spec.name}.deflate`) : null },
        previous && { fd: open(spec.name), zip: zip!, zipOffset: previous.manifest.files[spec.name]!.zipOffset },
      ),
    }));
  }

  /** Adds a report from its content. */
  async add(content: ReportContent): Promise<void> {
    const values = new Map(content.values.map((value) => [value.path, value.value]));
    for (const { spec, file } of this.files) await file.add(Buffer.from(spec.piece(content, values)));
    this.count(content.report);
  }

  /**
   * Adds a report unchanged since the previous build, where it was report `index`: its pieces are
   * copied from that build's files, and its segments from that build's zip when `sameBefore`
   * (the report before it then is the report before it now, unchanged: the same dictionary).
   */
  async reuse(report: Report, index: number, sameBefore: boolean): Promise<void> {
    const { manifest } = this.previous!;
    for (const { spec, file } of this.files) await file.copy(manifest.files[spec.name]!.pieces[index] ?? null, sameBefore);
    this.count(report);
  }

  private count(report: Report): void {
    for (const finding of report.findings) this.summary.byRule.set(finding.rule, (this.summary.byRule.get(finding.rule) ?? 0) + 1);
    this.summary.reports++;
    this.summary.agencies.add(report.agency.slug);
    this.summary.years.push(report.year);
  }

  /**
   * Writes the tails, the data package, the README, the zip and SHA256SUMS; returns every file's
   * size and checksum, and what the manifest keeps of the piece files for the next build.
   */
  async finish(): Promise<{ checksums: ChecksumEntry[]; files: Record<string, ManifestFile>; zipBytes: number }> {
    const infos: FileInfo[] = PIECE_FILES.map(({ name, title, description }) => ({ name, title, description }));
    const written: WrittenFile[] = [];
    for (const { file } of this.files) written.push(await file.finish());
    infos.push({ name: 'datapackage.json', title: '数据包描述（Frictionless）', description: 'Frictionless data package: the CSV files’ fields, types, units and keys' });
    written.push(await writtenWhole(this.folder, 'datapackage.json', `${JSON.stringify(dataPackage(this.summary.reports), null, 2)}\n`));
    const readmeText = readme(this.summary, infos);
    infos.push({ name: 'README.md', title: '说明', description: 'What the data is, where it comes from, how to cite it, what is known to be inconsistent' });
    written.push(await writtenWhole(this.folder, 'README.md', readmeText));
    for (const fd of this.previousFiles) closeSync(fd);
    const zip = writeZip(join(this.folder, ZIP), written);
    rmSync(this.scratch, { recursive: true, force: true });
    const checksums: ChecksumEntry[] = infos.map((info, n) => ({ ...info, bytes: written[n]!.bytes, sha256: written[n]!.sha256 }));
    checksums.push({ name: ZIP, title: '全部数据（zip）', description: 'All of the files above in one archive', bytes: zip.bytes, sha256: zip.sha256 });
    writeFileSync(join(this.folder, 'SHA256SUMS'), sha256sums(checksums));
    const files: Record<string, ManifestFile> = {};
    this.files.forEach(({ spec, file }, n) => (files[spec.name] = { bytes: written[n]!.bytes, zipOffset: zip.dataOffsets[n]!, pieces: file.pieces }));
    return { checksums, files, zipBytes: zip.bytes };
  }
}

function sha256sums(checksums: ChecksumEntry[]): string {
  return checksums.map((entry) => `${entry.sha256}  ${entry.name}`).join('\n') + '\n';
}
