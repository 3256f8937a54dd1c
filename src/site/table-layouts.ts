/**
 * The three tables of a report laid out as the official template prints them: the same row and
 * column headers, the same merged header cells. One generic macro renders any layout, so the
 * templates hold no knowledge of the report format.
 */
import type { Report, Template } from '../schema/report.ts';
import { APPLICANT_COLUMNS } from '../report-format/applications.ts';
import type { CountColumn, MatrixNode } from '../report-format/describe.ts';
import { proactiveRowsFor } from '../report-format/proactive.ts';
import { TABLE_LABELS } from '../report-format/tables.ts';
import { templateDescription } from '../report-format/templates/index.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import { nodeAt } from '../schema/record-paths.ts';
import { formatNumber } from './filters.ts';
import { byLine, cellPlace, rowPlace } from './provenance.ts';
import { cellId, readerFindings } from './reader-findings.ts';
import { rowSources, type CellSource } from '../schema/cell-places.ts';

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
  /** The cell's text as printed, where it is not the number itself (３, 385万元, 5①); null where it is. */
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

/**
 * The value cells of one row: for each column key, the number at `<rowPath>.<key>` (null for a
 * blank) and the source cell it was read from (`sources`, from rowSources: the row and its places
 * are looked up once, not once per cell).
 */
function valueCells(report: Report, rowPath: string, keys: readonly string[], sources: ReadonlyArray<CellSource | undefined>, context: LayoutContext): LayoutCell[] {
  const found = nodeAt(report, rowPath);
  const row = found !== null && typeof found === 'object' ? (found as Record<string, unknown>) : undefined;
  return keys.map((key, index) => {
    const path = `${rowPath}.${key}`;
    const value = row?.[key];
    const source = sources[index];
    const number = typeof value === 'number' ? value : null;
    const mark = context.marks.get(path);
    return {
      text: formatNumber(number),
      header: false,
      value: number,
      place: cellPlace(source, context.lines),
      sourceText: source === undefined || source.text === String(value) ? null : source.text,
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
  const sources = new Map<ValueRun, Array<CellSource | undefined>>();
  for (const row of shape.rows) for (const run of row.values) sources.set(run, rowSources(report, run.path, run.keys));
  return {
    id: shape.id,
    caption: shape.caption,
    head: shape.head,
    body: shape.rows.map((row) => [...row.headers, ...row.values.flatMap((run) => valueCells(report, run.path, run.keys, sources.get(run)!, context))]),
    places: [...sources].map(([run, runSources]) => ({ row: run.label, where: rowPlace(runSources, context.lines) })),
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
  const rows = proactiveRowsFor(template);
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

/** The applicant columns' two header rows: a column under a shared heading (法人或其他组织) in the second. */
function applicantHeads(): [LayoutCell[], LayoutCell[]] {
  const columns: readonly CountColumn[] = APPLICANT_COLUMNS;
  const [upper, lower]: [LayoutCell[], LayoutCell[]] = [[], []];
  for (let i = 0; i < columns.length; ) {
    const over = columns[i]!.over;
    if (over === undefined) {
      upper.push(th(columns[i]!.label, 'col', 1, 2));
      i++;
      continue;
    }
    let end = i;
    while (end < columns.length && columns[end]!.over === over) end++;
    upper.push(th(over, 'colgroup', end - i));
    lower.push(...columns.slice(i, end).map((column) => th(column.label, 'col')));
    i = end;
  }
  return [upper, lower];
}

/** How many rows a node of the matrix takes: one per row below it. */
const rowCount = (node: MatrixNode): number =>
  node.kind === 'row' ? 1 : Object.values(node.children).reduce((sum, child) => sum + rowCount(child), 0);

/**
 * Part 3: the applications matrix with the template's three levels of row headers. A top-level
 * row's header spans the three header columns; a group's heading spans its rows, and its rows'
 * headers the columns left; a group of one row is printed as that row (2019's （六）其他处理).
 */
const applicationsShape = perTemplate((template): TableShape => {
  const body: TableShape['rows'] = [];
  const DEPTH = 3;
  const visit = (nodes: Readonly<Record<string, MatrixNode>>, prefix: string, depth: number, opening: LayoutCell[]) => {
    let open = opening;
    for (const [key, node] of Object.entries(nodes)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const only = node.kind === 'group' && Object.keys(node.children).length === 1 ? Object.entries(node.children)[0]! : null;
      if (node.kind === 'row' || (only && only[1].kind === 'row')) {
        const [rowPath, row] = node.kind === 'row' ? [path, node] : [`${path}.${only![0]}`, only![1] as MatrixNode];
        body.push({
          headers: [...open, th(row.label, 'row', DEPTH - depth)],
          values: [{ path: `applications.${rowPath}`, keys: APPLICANT_KEYS, label: row.label }],
        });
      } else if (node.kind === 'group') {
        visit(node.children, path, depth + 1, [...open, th(node.label, 'rowgroup', 1, rowCount(node))]);
      }
      open = [];
    }
  };
  visit(templateDescription(template).applications.rows, '', 0, []);

  return {
    id: 'applications',
    caption: TABLE_LABELS.applications,
    head: [
      [th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'col', 3, 3), th('申请人情况', 'colgroup', APPLICANT_KEYS.length)],
      ...applicantHeads(),
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
  caption: TABLE_LABELS.reviewLitigation,
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
