/**
 * A report's findings as the portal tells them to its readers. The record keeps each finding's
 * technical form (rule id, severity, the message with lines and “null”) for editors and for the
 * data; a reader is told what does not add up or is missing, in which table and row, and is
 * taken to the cells concerned, which the report's tables mark.
 *
 * A finding is about the report as the portal read it: a number may be missing because the
 * original left it out, or because the portal could not read it. The words say what is so, not
 * who is at fault.
 */
import type { Finding, Report, Severity, Template } from '../schema/report.ts';
import { valueSlots } from '../publish/table-values.ts';
import { TABLE_LABELS, TABLE_SHORT_NAMES, type TableKey } from '../report-format/tables.ts';
import { byLine } from './provenance.ts';
import { ruleLabel } from './rule-labels.ts';

/** What a reader is told a finding is, by severity. */
export const READER_KINDS: Readonly<Record<Severity, string>> = {
  error: '数字缺失',
  warning: '需要核对',
  info: '说明',
};

export interface ReaderFinding {
  /** From 1, in the record's order: the number the marked cells refer to. */
  number: number;
  severity: Severity;
  /** 数字缺失, 需要核对 or 说明. */
  kind: string;
  /** What kind of problem, in a few words (the rule's label). */
  headline: string;
  /** The message in a reader's words. */
  text: string;
  /** Which table, row or column it concerns, in words; null where it concerns no table. */
  where: string | null;
  /** The id of the first cell concerned on the report's page (or of its table); null if none. */
  target: string | null;
}

/** The id of a value's cell on its report's page: v-applications-results-granted-total. */
export const cellId = (path: string) => `v-${path.replaceAll('.', '-')}`;

/** The id of each table of a report page, by the first key of the values' paths. */
const TABLE_IDS: Readonly<Record<TableKey, string>> = {
  proactive: 'part-2',
  applications: 'table-applications',
  reviewLitigation: 'table-review-litigation',
};

/** A finding that concerns more cells than this marks none of them: it points at the table. */
const MOST_MARKED = 40;

/**
 * The message without what means nothing to a reader: “null” (a blank is kept blank, never 0),
 * and, for a file not read by lines, the lines of the markup the message names.
 */
export function readerText(message: string, lines: boolean): string {
  let text = message
    .replace(/记为空（null）/g, '按空白处理（不当作 0）')
    .replace(/（null）/g, '（空白）');
  if (!lines) {
    text = text
      .replace(/（第\d+行起）/g, '')
      .replace(/在第\d+行结束，/g, '')
      .replace(/在第\d+行结束/g, '已结束')
      .replace(/第\d+行(?:第\d+列)?的?/g, '')
      .replace(/（Word、PDF 文件无行号）/g, '');
  }
  return text;
}

/**
 * Labels of a template's values by path: table, row and column as the template words them. Made
 * once per template (a site of 10,000 reports would otherwise hold a map per report).
 */
const labelsByTemplate = new Map<Template, Map<string, { table: TableKey; row: string; column: string }>>();
function labelsOf(report: Report): Map<string, { table: TableKey; row: string; column: string }> {
  let labels = labelsByTemplate.get(report.template);
  if (!labels) {
    labels = new Map(valueSlots(report.template).map((slot) => [slot.path, { table: slot.table, row: slot.rowLabel, column: slot.columnLabel }]));
    labelsByTemplate.set(report.template, labels);
  }
  return labels;
}

/** The value paths a finding concerns: its paths that name a value, and the values under a row's path. */
function valuesOf(finding: Finding, paths: readonly string[]): string[] {
  const concerned = new Set<string>();
  for (const path of finding.paths) {
    // A whole table (applications, reviewLitigation…) is pointed at, not marked cell by cell.
    if (!path.includes('.')) continue;
    for (const candidate of paths) if (candidate === path || candidate.startsWith(`${path}.`)) concerned.add(candidate);
  }
  return paths.filter((path) => concerned.has(path));
}

/** The table a finding concerns: its first value's, or the table its paths name. */
function tableOf(values: string[], finding: Finding, labels: ReturnType<typeof labelsOf>): TableKey | undefined {
  if (values[0]) return labels.get(values[0])!.table;
  return finding.paths.map((path) => path.split('.')[0]).find((key) => key! in TABLE_LABELS) as TableKey | undefined;
}

function whereOf(values: string[], finding: Finding, labels: ReturnType<typeof labelsOf>): string | null {
  const tableKey = tableOf(values, finding, labels);
  if (!tableKey) return null;
  const table = TABLE_SHORT_NAMES[tableKey];
  const cells = values.map((path) => labels.get(path)!).filter((cell) => cell.table === tableKey);
  if (cells.length === 0) return table;
  const rows = [...new Set(cells.map((cell) => cell.row))];
  const columns = [...new Set(cells.map((cell) => cell.column))];
  if (rows.length === 1 && columns.length === 1) return `${table}“${rows[0]}”一行“${columns[0]}”一栏`;
  if (rows.length === 1) return `${table}“${rows[0]}”一行`;
  if (columns.length === 1) return `${table}“${columns[0]}”一栏`;
  if (rows.length <= 3) return `${table}${rows.map((row) => `“${row}”`).join('、')}各行`;
  return `${table}的${rows.length}行`;
}

/** The report's findings for readers, and the finding each marked cell refers to (by path). */
export function readerFindings(report: Report): { findings: ReaderFinding[]; marks: Map<string, number> } {
  // Most reports have none: nothing to label.
  if (report.findings.length === 0) return { findings: [], marks: new Map() };
  const labels = labelsOf(report);
  const paths = [...labels.keys()];
  const lines = byLine(report.source.format);
  const marks = new Map<string, number>();
  const findings = report.findings.map((finding, index): ReaderFinding => {
    const number = index + 1;
    const values = valuesOf(finding, paths);
    if (values.length <= MOST_MARKED) for (const path of values) if (!marks.has(path)) marks.set(path, number);
    const tableKey = tableOf(values, finding, labels);
    return {
      number,
      severity: finding.severity,
      kind: READER_KINDS[finding.severity],
      headline: ruleLabel(finding.rule),
      text: readerText(finding.message, lines),
      where: whereOf(values, finding, labels),
      target: values.length > 0 && values.length <= MOST_MARKED ? cellId(values[0]!) : tableKey ? TABLE_IDS[tableKey] : null,
    };
  });
  return { findings, marks };
}
