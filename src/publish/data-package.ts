/**
 * What the bulk data says of itself: the Frictionless data package describing the CSV files
 * (fields, types, units, keys) and the README, from the reports as a whole.
 */
import { SCHEMA_VERSION } from '../schema/report.ts';
import { FINDING_FIELDS, ID_FIELDS, INDICATOR_FIELDS, TIDY_FIELDS, wideTables, type Field } from './bulk-files.ts';

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

export function readme({ reports, agencies, years, byRule }: BulkSummary, files: Array<{ name: string; description: string }>): string {
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
export interface BulkSummary {
  reports: number;
  agencies: Set<string>;
  years: number[];
  byRule: Map<string, number>;
}
