/**
 * The three tables of a report laid out as the official template prints them: the same row and
 * column headers, the same merged header cells. One generic macro renders any layout, so the
 * templates hold no knowledge of the report format.
 */
import type { Report } from '../schema/report.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, applicationRowsFor } from '../report-format/applications.ts';
import { PROACTIVE_ROWS } from '../report-format/proactive.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { formatNumber } from './filters.ts';

export interface LayoutCell {
  /** A header's words; a value cell's number as the page writes it (1,234), '' for a blank. */
  text: string;
  header: boolean;
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  colspan?: number;
  rowspan?: number;
  /** For a value cell: the number, null for a blank, and where it was read. */
  value?: number | null;
  sourceLine?: number | null;
  sourceText?: string | null;
}

export interface TableLayout {
  id: string;
  caption: string;
  head: LayoutCell[][];
  body: LayoutCell[][];
}

const th = (text: string, scope: LayoutCell['scope'], colspan = 1, rowspan = 1): LayoutCell => ({
  text,
  header: true,
  scope,
  ...(colspan > 1 ? { colspan } : {}),
  ...(rowspan > 1 ? { rowspan } : {}),
});

/** The object at a dotted JSON path of a record (a table row), or undefined. */
function rowAt(report: Report, path: string): Record<string, unknown> | undefined {
  let node: unknown = report;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/**
 * The value cells of one row: for each column key, the number at `<rowPath>.<key>` (null for a
 * blank) and the source cell it was read from. The row is looked up once, not once per cell.
 */
function valueCells(report: Report, rowPath: string, keys: readonly string[]): LayoutCell[] {
  const row = rowAt(report, rowPath);
  return keys.map((key) => {
    const value = row?.[key];
    const source = report.source.cells[`${rowPath}.${key}`];
    const number = typeof value === 'number' ? value : null;
    return {
      text: formatNumber(number),
      header: false,
      value: number,
      sourceLine: source?.line ?? null,
      sourceText: source?.text ?? null,
    };
  });
}

const APPLICANT_KEYS = APPLICANT_COLUMNS.map((column) => column.key);
const REVIEW_OUTCOME_KEYS = REVIEW_OUTCOMES.map((outcome) => outcome.key);

/** Part 2: one small table per Article 20 item, as in the template. */
export function proactiveLayouts(report: Report): TableLayout[] {
  const rows = PROACTIVE_ROWS[report.template];
  const items = [...new Set(rows.map((row) => row.item))];
  return items.map((item) => {
    const itemRows = rows.filter((row) => row.item === item);
    const columns = itemRows[0]!.columns;
    return {
      id: `proactive-${item}`,
      caption: `第二十条第（${item}）项`,
      head: [[th('信息内容', 'col'), ...columns.map((column) => th(column.kind === 'yuan' ? `${column.label}（元）` : column.label, 'col'))]],
      body: itemRows.map((row) => [
        th(row.label, 'row'),
        ...valueCells(report, `proactive.${row.key}`, row.columns.map((column) => column.key)),
      ]),
    };
  });
}

/** Part 3: the applications matrix with the template's three-level row headers. */
export function applicationsLayout(report: Report): TableLayout {
  const rows = applicationRowsFor(report.template);
  const values = (path: string) => valueCells(report, `applications.${path}`, APPLICANT_KEYS);
  const label = (path: string) => APPLICATION_ROWS.find((row) => row.path === path)!.label;
  const resultRows = rows.filter((row) => row.path.startsWith('results.'));
  const body: LayoutCell[][] = [];

  body.push([th(label('newReceived'), 'row', 3), ...values('newReceived')]);
  body.push([th(label('carriedOver'), 'row', 3), ...values('carriedOver')]);
  let first = true;
  const groups = ['granted', 'partialGrant', 'denied', 'unableToProvide', 'notProcessed', 'other', 'total'];
  for (const group of groups) {
    const members = resultRows.filter((row) => row.path === `results.${group}` || row.path.startsWith(`results.${group}.`));
    members.forEach((row, index) => {
      const cells: LayoutCell[] = [];
      if (first) cells.push(th('三、本年度办理结果', 'rowgroup', 1, resultRows.length));
      first = false;
      const single = row.path === `results.${group}` || (members.length === 1 && group === 'other');
      if (single) {
        cells.push(th(row.label, 'row', 2));
      } else {
        if (index === 0) {
          const groupLabel = { denied: '（三）不予公开', unableToProvide: '（四）无法提供', notProcessed: '（五）不予处理', other: '（六）其他处理' }[group]!;
          cells.push(th(groupLabel, 'rowgroup', 1, members.length));
        }
        cells.push(th(row.label, 'row'));
      }
      body.push([...cells, ...values(row.path)]);
    });
  }
  body.push([th(label('carriedForward'), 'row', 3), ...values('carriedForward')]);

  return {
    id: 'applications',
    caption: '收到和处理政府信息公开申请情况',
    head: [
      [th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'col', 3, 3), th('申请人情况', 'colgroup', 7)],
      [th('自然人', 'col', 1, 2), th('法人或其他组织', 'colgroup', 5), th('总计', 'col', 1, 2)],
      APPLICANT_COLUMNS.slice(1, 6).map((column) => th(column.label, 'col')),
    ],
    body,
  };
}

/** Part 4: one row of fifteen numbers under a two-level header. */
export function reviewLitigationLayout(report: Report): TableLayout {
  const outcomes = () => REVIEW_OUTCOMES.map((outcome) => th(outcome.label, 'col'));
  return {
    id: 'review-litigation',
    caption: '政府信息公开行政复议、行政诉讼情况',
    head: [
      [th('行政复议', 'colgroup', 5), th('行政诉讼', 'colgroup', 10)],
      [...REVIEW_OUTCOMES.map((outcome) => th(outcome.label, 'col', 1, 2)), th('未经复议直接起诉', 'colgroup', 5), th('复议后起诉', 'colgroup', 5)],
      [...outcomes(), ...outcomes()],
    ],
    body: [
      REVIEW_GROUPS.flatMap((group) => valueCells(report, `reviewLitigation.${group.key}`, REVIEW_OUTCOME_KEYS)),
    ],
  };
}
