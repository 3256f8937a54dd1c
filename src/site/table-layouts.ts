/**
 * The three tables of a report laid out as the official template prints them: the same row and
 * column headers, the same merged header cells. One generic macro renders any layout, so the
 * templates hold no knowledge of the report format.
 */
import type { Report, Template } from '../schema/report.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, applicationRowsFor } from '../report-format/applications.ts';
import { PROACTIVE_ROWS } from '../report-format/proactive.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { nodeAt } from '../publish/table-values.ts';
import { formatNumber } from './filters.ts';
import { byLine, cellPlace, rowPlace } from './provenance.ts';
import { cellId, readerFindings } from './reader-findings.ts';

export interface LayoutCell {
  /** A header's words; a value cell's number as the page writes it (1,234), '' for a blank. */
  text: string;
  header: boolean;
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  colspan?: number;
  rowspan?: number;
  /** For a value cell: the number, null for a blank, and where it was read. */
  value?: number | null;
  /** Where in the original (see provenance.ts): 原文第21行, 原文第2张表第6行第4列; null if not read. */
  place?: string | null;
  sourceText?: string | null;
  /** For a value a finding concerns: the finding's number on the page, and the cell's id. */
  mark?: number;
  id?: string;
}

/** Where one row (or run) of a table's values is in the original, for the list under the table. */
export interface RowPlace {
  row: string;
  /** 原文第2张表第6行第4–10列, 原文第21行 …; null where the original has no such row. */
  where: string | null;
}

/** What a report's layouts need besides its record: how its places are told, and its marked cells. */
export interface LayoutContext {
  lines: boolean;
  /** The cells findings concern, by path: the number of the (first) finding. */
  marks: ReadonlyMap<string, number>;
}

export interface TableLayout {
  id: string;
  caption: string;
  head: LayoutCell[][];
  body: LayoutCell[][];
  /** Each row's (or run's) place in the original, in the table's order. */
  places: RowPlace[];
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
  const node = nodeAt(report, path);
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/**
 * The value cells of one row: for each column key, the number at `<rowPath>.<key>` (null for a
 * blank) and the source cell it was read from. The row is looked up once, not once per cell.
 */
function valueCells(report: Report, rowPath: string, keys: readonly string[], context: LayoutContext): LayoutCell[] {
  const row = rowAt(report, rowPath);
  return keys.map((key) => {
    const path = `${rowPath}.${key}`;
    const value = row?.[key];
    const source = report.source.cells[path];
    const number = typeof value === 'number' ? value : null;
    const mark = context.marks.get(path);
    return {
      text: formatNumber(number),
      header: false,
      value: number,
      place: cellPlace(source, context.lines),
      sourceText: source?.text ?? null,
      ...(mark === undefined ? {} : { mark, id: cellId(path) }),
    };
  });
}

const APPLICANT_KEYS = APPLICANT_COLUMNS.map((column) => column.key);
const REVIEW_OUTCOME_KEYS = REVIEW_OUTCOMES.map((outcome) => outcome.key);

/** Where a run of a row's values is in a record: the keys under one JSON path, and the run's name. */
interface ValueRun {
  path: string;
  keys: readonly string[];
  label: string;
}

/**
 * A table as a template prints it, the same for every report of that template: its headers, and
 * for each body row the row's header cells and where in a record its values are.
 */
interface TableShape {
  id: string;
  caption: string;
  head: LayoutCell[][];
  rows: Array<{ headers: LayoutCell[]; values: ValueRun[] }>;
}

/** A report's table: the template's shape with the report's values. Header cells are shared. */
function fill(shape: TableShape, report: Report, context: LayoutContext): TableLayout {
  const runs = shape.rows.flatMap((row) => row.values);
  return {
    id: shape.id,
    caption: shape.caption,
    head: shape.head,
    body: shape.rows.map((row) => [...row.headers, ...row.values.flatMap((run) => valueCells(report, run.path, run.keys, context))]),
    places: runs.map((run) => ({
      row: run.label,
      where: rowPlace(run.keys.map((key) => report.source.cells[`${run.path}.${key}`]), context.lines),
    })),
  };
}

/** A report's context on its own (its findings' marks computed here). */
export function layoutContext(report: Report, marks?: ReadonlyMap<string, number>): LayoutContext {
  return { lines: byLine(report.source.format), marks: marks ?? readerFindings(report).marks };
}

/** A shape built once per template. */
function perTemplate<T>(build: (template: Template) => T): (template: Template) => T {
  const shapes = new Map<Template, T>();
  return (template) => {
    let shape = shapes.get(template);
    if (shape === undefined) {
      shape = build(template);
      shapes.set(template, shape);
    }
    return shape;
  };
}

/** Part 2: one small table per Article 20 item, as in the template. */
const proactiveShapes = perTemplate((template): TableShape[] => {
  const rows = PROACTIVE_ROWS[template];
  const items = [...new Set(rows.map((row) => row.item))];
  return items.map((item) => {
    const itemRows = rows.filter((row) => row.item === item);
    const columns = itemRows[0]!.columns;
    return {
      id: `proactive-${item}`,
      caption: `第二十条第（${item}）项`,
      head: [[th('信息内容', 'col'), ...columns.map((column) => th(column.kind === 'yuan' ? `${column.label}（元）` : column.label, 'col'))]],
      rows: itemRows.map((row) => ({
        headers: [th(row.label, 'row')],
        values: [{ path: `proactive.${row.key}`, keys: row.columns.map((column) => column.key), label: row.label }],
      })),
    };
  });
});

export function proactiveLayouts(report: Report, context = layoutContext(report)): TableLayout[] {
  return proactiveShapes(report.template).map((shape) => fill(shape, report, context));
}

/** Part 3: the applications matrix with the template's three-level row headers. */
const applicationsShape = perTemplate((template): TableShape => {
  const rows = applicationRowsFor(template);
  const label = (path: string) => APPLICATION_ROWS.find((spec) => spec.path === path)!.label;
  const row = (headers: LayoutCell[], path: string) => ({ headers, values: [{ path: `applications.${path}`, keys: APPLICANT_KEYS, label: label(path) }] });
  const resultRows = rows.filter((spec) => spec.path.startsWith('results.'));
  const body: TableShape['rows'] = [];

  body.push(row([th(label('newReceived'), 'row', 3)], 'newReceived'));
  body.push(row([th(label('carriedOver'), 'row', 3)], 'carriedOver'));
  let first = true;
  const groups = ['granted', 'partialGrant', 'denied', 'unableToProvide', 'notProcessed', 'other', 'total'];
  for (const group of groups) {
    const members = resultRows.filter((spec) => spec.path === `results.${group}` || spec.path.startsWith(`results.${group}.`));
    members.forEach((spec, index) => {
      const cells: LayoutCell[] = [];
      if (first) cells.push(th('三、本年度办理结果', 'rowgroup', 1, resultRows.length));
      first = false;
      const single = spec.path === `results.${group}` || (members.length === 1 && group === 'other');
      if (single) {
        cells.push(th(spec.label, 'row', 2));
      } else {
        if (index === 0) {
          const groupLabel = { denied: '（三）不予公开', unableToProvide: '（四）无法提供', notProcessed: '（五）不予处理', other: '（六）其他处理' }[group]!;
          cells.push(th(groupLabel, 'rowgroup', 1, members.length));
        }
        cells.push(th(spec.label, 'row'));
      }
      body.push(row(cells, spec.path));
    });
  }
  body.push(row([th(label('carriedForward'), 'row', 3)], 'carriedForward'));

  return {
    id: 'applications',
    caption: '收到和处理政府信息公开申请情况',
    head: [
      [th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'col', 3, 3), th('申请人情况', 'colgroup', 7)],
      [th('自然人', 'col', 1, 2), th('法人或其他组织', 'colgroup', 5), th('总计', 'col', 1, 2)],
      APPLICANT_COLUMNS.slice(1, 6).map((column) => th(column.label, 'col')),
    ],
    rows: body,
  };
});

export function applicationsLayout(report: Report, context = layoutContext(report)): TableLayout {
  return fill(applicationsShape(report.template), report, context);
}

/** Part 4: one row of fifteen numbers under a two-level header (the same in both templates). */
const outcomeHeaders = () => REVIEW_OUTCOMES.map((outcome) => th(outcome.label, 'col'));
const REVIEW_LITIGATION_SHAPE: TableShape = {
  id: 'review-litigation',
  caption: '政府信息公开行政复议、行政诉讼情况',
  head: [
    [th('行政复议', 'colgroup', 5), th('行政诉讼', 'colgroup', 10)],
    [...REVIEW_OUTCOMES.map((outcome) => th(outcome.label, 'col', 1, 2)), th('未经复议直接起诉', 'colgroup', 5), th('复议后起诉', 'colgroup', 5)],
    [...outcomeHeaders(), ...outcomeHeaders()],
  ],
  rows: [{ headers: [], values: REVIEW_GROUPS.map((group) => ({ path: `reviewLitigation.${group.key}`, keys: REVIEW_OUTCOME_KEYS, label: group.label })) }],
};

export function reviewLitigationLayout(report: Report, context = layoutContext(report)): TableLayout {
  return fill(REVIEW_LITIGATION_SHAPE, report, context);
}
