/**
 * Where each table value was read, as a record publishes it and as the code reads it.
 *
 * A record's `source.cells` has the shape of its tables: at each value's path
 * (applications.newReceived.total) stands the value's place, `[line, column, table, row,
 * tableColumn]`, and a sixth element, the cell's text as printed, only where that text is not the
 * value written as a number (０, 385万元, a blank cell's "", a footnote's 5①). Each place is
 * written once, without the key names a list of objects repeats for every cell (a report's
 * provenance was ~27 KB of its 36; it is ~6 KB this way), and a journalist reads it at the same
 * path as the value (`.source.cells.applications.newReceived.total`).
 *
 * The code reads places through `cellSourceAt` and `cellSources`, which give them back as
 * objects with the text filled in.
 */
import { nodeAt, splitPath } from './record-paths.ts';
import type { CellPlace, CellTree, Report } from './report.ts';

/** One value's place, as the extractors record it and the code reads it. */
export interface CellSource {
  /** Line and column in the source file (null where the file has no lines: Word, PDF). */
  line: number | null;
  column: number | null;
  /** The report's table, and the row and column in it, counted from 1 as the table is laid out. */
  table: number;
  row: number;
  tableColumn: number;
  /** The cell's text as printed ("" for a blank cell). */
  text: string;
}

/** The value written as a number: a place leaves out a text that is just this. */
const writtenAs = (value: unknown): string | null => (typeof value === 'number' ? String(value) : null);

/**
 * The places of a record's values, `cells` keyed by path, in the shape of the record's tables.
 * `record` is what the paths lead into (the record, or anything shaped like it).
 */
export function packCells(cells: Record<string, CellSource>, record: object): CellTree {
  const tree: CellTree = {};
  for (const [path, cell] of Object.entries(cells)) {
    const keys = path.split('.');
    const last = keys.length - 1;
    let node = tree;
    // The record is walked beside the tree: the value at the path is what the text is compared with.
    let value: unknown = record;
    for (let index = 0; index < last; index++) {
      const key = keys[index]!;
      value = (value as Record<string, unknown> | null | undefined)?.[key];
      const next = node[key];
      if (next === undefined) node = node[key] = {};
      else if (Array.isArray(next)) throw new Error(`Internal error: ${path} is both a value and a group of values`);
      else node = next;
    }
    value = (value as Record<string, unknown> | null | undefined)?.[keys[last]!];
    const numbers = [cell.line, cell.column, cell.table, cell.row, cell.tableColumn] as const;
    node[keys[last]!] = cell.text === writtenAs(value) ? [...numbers] : [...numbers, cell.text];
  }
  return tree;
}

function unpack(place: CellPlace, value: unknown): CellSource {
  const [line, column, table, row, tableColumn, text] = place;
  return { line, column, table, row, tableColumn, text: text ?? writtenAs(value) ?? '' };
}

const isPlace = (node: CellPlace | CellTree | undefined): node is CellPlace => Array.isArray(node);

/** Where the value at `path` was read, or undefined where the record has no place for it. */
export function cellSourceAt(report: Report, path: string): CellSource | undefined {
  let node: CellPlace | CellTree | undefined = report.source.cells;
  for (const key of splitPath(path)) {
    if (node === undefined || isPlace(node)) return undefined;
    node = node[key];
  }
  return isPlace(node) ? unpack(node, nodeAt(report, path)) : undefined;
}

/**
 * The places of the values `keys` under one path (a table row: applications.newReceived), read
 * with their values in one walk of the record and of its places, not one walk per value.
 */
export function rowSources(report: Report, rowPath: string, keys: readonly string[]): Array<CellSource | undefined> {
  let node: CellPlace | CellTree | undefined = report.source.cells;
  for (const key of splitPath(rowPath)) {
    if (node === undefined || isPlace(node)) return keys.map(() => undefined);
    node = node[key];
  }
  const places = node === undefined || isPlace(node) ? undefined : node;
  const row = nodeAt(report, rowPath) as Record<string, unknown> | null | undefined;
  return keys.map((key) => {
    const place = places?.[key];
    return place !== undefined && isPlace(place) ? unpack(place, row?.[key]) : undefined;
  });
}

/** What is wrong with one place, or null: the rules of the schema's CellPlace. */
function placeProblem(place: unknown[]): string | null {
  if (place.length !== 5 && place.length !== 6) return `a place has five or six items, not ${place.length}`;
  for (let index = 0; index < 2; index++) {
    if (place[index] !== null && !Number.isSafeInteger(place[index])) return `item ${index + 1} (line or column) is an integer or null`;
  }
  for (let index = 2; index < 5; index++) {
    if (!Number.isSafeInteger(place[index]) || (place[index] as number) <= 0) return `item ${index + 1} (table, row or column) is a positive integer`;
  }
  if (place.length === 6 && typeof place[5] !== 'string') return 'item 6 (the printed text) is a string';
  return null;
}

/**
 * What is wrong with a record's `source.cells`, as the schema's CellTree says (the path and why),
 * or null. The ingest checks places with this rather than with zod: zod's union of two tuples
 * under a recursive union took 0.4 ms a record, most of a record's validation, and this walk a
 * few microseconds. test/cell-places.test.ts holds it to the schema on good and broken trees.
 */
export function cellTreeProblem(tree: unknown, prefix = ''): { path: string; message: string } | null {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return { path: prefix, message: 'a group of places is an object' };
  for (const key in tree) {
    if (!Object.hasOwn(tree, key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const node = (tree as Record<string, unknown>)[key];
    if (Array.isArray(node)) {
      const message = placeProblem(node);
      if (message !== null) return { path, message };
    } else {
      const problem = cellTreeProblem(node, path);
      if (problem !== null) return problem;
    }
  }
  return null;
}

/** Every value's path and place, in the record's order. */
export function cellSources(report: Report): Array<[string, CellSource]> {
  const out: Array<[string, CellSource]> = [];
  const walk = (tree: CellTree, prefix: string) => {
    for (const [key, node] of Object.entries(tree)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (isPlace(node)) out.push([path, unpack(node, nodeAt(report, path))]);
      else walk(node, path);
    }
  };
  walk(report.source.cells, '');
  return out;
}
