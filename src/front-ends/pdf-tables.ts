/**
 * Tables of a PDF page from its ruling lines: the borders a Word file or a browser draws around
 * each cell, as thin filled rectangles or stroked lines in the page's drawing operators.
 *
 * 1. Every horizontal and vertical rule, in page space (the transformation matrix followed
 *    through save, restore and transform); collinear pieces joined.
 * 2. Rules that cross each other make up a table; the distinct positions of its rules make a fine
 *    grid, and neighbouring grid cells with no rule between them are one cell (a merged cell).
 * 3. Each text item goes to the cell its middle lies in; a cell's lines are joined.
 *
 * The table comes out as a browser copies one: a row a line, each cell once (a merged cell in
 * the row it starts in), tabs between cells, an empty cell as nothing between two tabs. It is
 * then read by the template's rows like any page's text, so a grid read wrong gives a row that
 * is refused, not a number in the wrong column. Where a page has no rules, its text is read
 * line by line instead.
 */
import { joinText } from './block-kinds.ts';

export interface PositionedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

export interface GridCell {
  text: string;
  /** The first and last grid column the cell spans, and how many grid rows. */
  c0: number;
  c1: number;
  rows: number;
  /** Joined into the cell it goes on from, on the page before. */
  joined?: boolean;
}

export interface PageTable {
  /** Each row's cells (a merged cell in the row it starts in), tabs inside a cell where its items stand apart. */
  rows: GridCell[][];
  /** The table's column rules, left to right. */
  xs: number[];
  /** The cell over each grid column in the table's first and in its last grid row. */
  firstRow: Array<GridCell | null>;
  lastRow: Array<GridCell | null>;
  /** Per grid column: whether the table's top (bottom) edge there has no rule, so a cell goes on past it. */
  openAbove: boolean[];
  openBelow: boolean[];
  /** The table's top edge (page space, y up) and the items it took. */
  top: number;
  items: Set<PositionedItem>;
}

type Matrix = [number, number, number, number, number, number];

/** A rule is at most this thick (page units, 1/72 inch). */
const THIN = 3;
/** Positions closer than this are the same rule. */
const SNAP = 2;
/** An empty cell narrower or lower than this is the gap between two cells' borders. */
const SLIVER = 5;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** The rules a page draws, from its operator list (pdfjs 4's constructPath arguments). */
export function rulesOf(list: OperatorList, OPS: Record<string, number>): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  /** The path being built: rectangles, and subpaths of straight segments (a filled thin polygon is a rule too). */
  let pending: Array<{ kind: 'rect'; corners: Array<[number, number]> } | { kind: 'poly'; points: Array<[number, number]> }> = [];

  const addRect = (corners: Array<[number, number]>, stroked: boolean) => {
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const width = x1 - x0;
    const height = y1 - y0;
    if (width <= THIN && height > THIN) vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
    else if (height <= THIN && width > THIN) horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (stroked && width > THIN && height > THIN) {
      horizontal.push({ at: y0, from: x0, to: x1 }, { at: y1, from: x0, to: x1 });
      vertical.push({ at: x0, from: y0, to: y1 }, { at: x1, from: y0, to: y1 });
    }
  };
  const addLine = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) <= 0.5 && Math.abs(a[0] - b[0]) > THIN) horizontal.push({ at: a[1], from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) <= 0.5 && Math.abs(a[1] - b[1]) > THIN) vertical.push({ at: a[0], from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS['save']) stack.push(ctm);
    else if (fn === OPS['restore']) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS['transform'] && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS['constructPath'] && args) {
      const [ops, coords] = args as [number[], number[]];
      let at = 0;
      let current: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS['rectangle']) {
          const [x, y, w, h] = coords.slice(at, at + 4) as [number, number, number, number];
          at += 4;
          pending.push({ kind: 'rect', corners: [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x, y + h), apply(ctm, x + w, y + h)] });
        } else if (op === OPS['moveTo']) {
          current = apply(ctm, coords[at]!, coords[at + 1]!);
          at += 2;
          pending.push({ kind: 'poly', points: [current] });
        } else if (op === OPS['lineTo']) {
          const next = apply(ctm, coords[at]!, coords[at + 1]!);
          at += 2;
          const last = pending.at(-1);
          if (last?.kind === 'poly') last.points.push(next);
          else pending.push({ kind: 'poly', points: [current, next] });
          current = next;
        } else if (op === OPS['curveTo']) at += 6;
        else if (op === OPS['curveTo2'] || op === OPS['curveTo3']) at += 4;
      }
    } else if (fn === OPS['fill'] || fn === OPS['eoFill'] || fn === OPS['stroke'] || fn === OPS['closeStroke'] || fn === OPS['fillStroke'] || fn === OPS['eoFillStroke'] || fn === OPS['closeFillStroke'] || fn === OPS['closeEOFillStroke']) {
      const stroked = fn !== OPS['fill'] && fn !== OPS['eoFill'];
      for (const shape of pending) {
        if (shape.kind === 'rect') addRect(shape.corners, stroked);
        else if (stroked) shape.points.slice(1).forEach((point, index) => addLine(shape.points[index]!, point));
        else if (shape.points.length >= 3) addRect(shape.points, false);
      }
      pending = [];
    } else if (fn === OPS['endPath']) pending = [];
  }
  return { horizontal: join(horizontal), vertical: join(vertical) };
}

/** Collinear rules that touch or overlap become one. */
function join(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const rule of sorted) {
    const same = out.findLast((r) => Math.abs(r.at - rule.at) <= SNAP && rule.from <= r.to + SNAP);
    if (same) {
      same.to = Math.max(same.to, rule.to);
      same.from = Math.min(same.from, rule.from);
    } else out.push({ ...rule });
  }
  return out;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) if (out.length === 0 || value - out.at(-1)! > SNAP) out.push(value);
  return out;
}

/** The page's ruled tables, with the items each took. */
export function pageTables(items: PositionedItem[], rules: { horizontal: Rule[]; vertical: Rule[] }): PageTable[] {
  const all = [...rules.horizontal.map((rule) => ({ rule, horizontal: true })), ...rules.vertical.map((rule) => ({ rule, horizontal: false }))];
  // Rules that cross or touch are one table.
  const parent = all.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    if (!all[i]!.horizontal) continue;
    const h = all[i]!.rule;
    for (let j = 0; j < all.length; j++) {
      if (all[j]!.horizontal) continue;
      const v = all[j]!.rule;
      if (v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, typeof all>();
  all.forEach((entry, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), entry]);
  });

  // A column rule that crosses no row rule (the left edge of a merged cell that goes on from the
  // last page) belongs to the table beside it.
  const lone = [...groups.entries()].filter(([, group]) => group.every((entry) => !entry.horizontal));
  for (const [root, group] of lone) {
    const rule = group[0]!.rule;
    const target = [...groups.entries()].find(([other, entries]) => {
      if (other === root || entries.every((entry) => !entry.horizontal)) return false;
      const verticals = entries.filter((entry) => !entry.horizontal).map((entry) => entry.rule);
      const from = Math.min(...verticals.map((v) => v.from));
      const to = Math.max(...verticals.map((v) => v.to));
      const left = Math.min(...verticals.map((v) => v.at));
      const right = Math.max(...verticals.map((v) => v.at));
      const overlap = Math.min(to, rule.to) - Math.max(from, rule.from);
      return overlap >= (rule.to - rule.from) * 0.5 && rule.at > left - 120 && rule.at < right + 120;
    });
    if (target) {
      groups.set(target[0], [...target[1], ...group]);
      groups.delete(root);
    }
  }

  const tables: PageTable[] = [];
  for (const group of groups.values()) {
    const horizontal = group.filter((entry) => entry.horizontal).map((entry) => entry.rule);
    const vertical = group.filter((entry) => !entry.horizontal).map((entry) => entry.rule);
    // A table broken by a page has no rule along the break: its column rules' ends bound it there.
    const ends = vertical.length > 0 ? [Math.min(...vertical.map((rule) => rule.from)), Math.max(...vertical.map((rule) => rule.to))] : [];
    const ys = distinct([...horizontal.map((rule) => rule.at), ...ends]).reverse();
    const xs = distinct(vertical.map((rule) => rule.at));
    if (ys.length < 2 || xs.length < 2) continue;
    const table = gridTable(items, horizontal, vertical, xs, ys);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => b.top - a.top);
}

function gridTable(items: PositionedItem[], horizontal: Rule[], vertical: Rule[], xs: number[], ys: number[]): PageTable | null {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covers = (rules: Rule[], at: number, along: number) =>
    rules.some((rule) => Math.abs(rule.at - at) <= SNAP && rule.from - SNAP <= along && along <= rule.to + SNAP);
  // Grid cells with no rule between them are one cell.
  const parent = Array.from({ length: rows * cols }, (_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      if (r + 1 < rows && !covers(horizontal, ys[r + 1]!, midX)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
      if (c + 1 < cols && !covers(vertical, xs[c + 1]!, midY)) parent[find(r * cols + c)] = find(r * cols + c + 1);
    }
  }
  // Each cell's extent in the grid.
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        e.r1 = Math.max(e.r1, r);
        e.c0 = Math.min(e.c0, c);
        e.c1 = Math.max(e.c1, c);
      }
    }
  }
  const texts = new Map<number, PositionedItem[]>();
  const taken = new Set<PositionedItem>();
  for (const item of items) {
    const x = item.x + item.width / 2;
    const y = item.y + item.size * 0.3;
    if (x < xs[0]! || x > xs.at(-1)! || y > ys[0]! || y < ys.at(-1)!) continue;
    const c = xs.findIndex((value, index) => index < cols && x >= value && x <= xs[index + 1]!);
    const r = ys.findIndex((value, index) => index < rows && y <= value && y >= ys[index + 1]!);
    if (c < 0 || r < 0) continue;
    const root = find(r * cols + c);
    texts.set(root, [...(texts.get(root) ?? []), item]);
    taken.add(item);
  }
  if (taken.size === 0) return null;

  // Each cell once, in the row it starts in, left to right (as a browser copies a table); the
  // slivers between the borders of a table with cell spacing are no cells.
  const made = new Map<number, GridCell>();
  const out: GridCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const e = extent.get(root)!;
      if (e.r0 !== r || e.c0 !== c) continue;
      const width = xs[e.c1 + 1]! - xs[e.c0]!;
      const height = ys[e.r0]! - ys[e.r1 + 1]!;
      const content = texts.get(root) ?? [];
      if (content.length === 0 && (width < SLIVER || height < SLIVER)) continue;
      const cell: GridCell = { text: cellText(content), c0: e.c0, c1: e.c1, rows: e.r1 - e.r0 + 1 };
      made.set(root, cell);
      cells.push(cell);
    }
    out.push(cells);
  }
  const along = (r: number) => Array.from({ length: cols }, (_, c) => made.get(find(r * cols + c)) ?? null);
  // Where the table's top or bottom edge has no rule, a cell goes on beyond it (a page break).
  const open = (y: number) => Array.from({ length: cols }, (_, c) => !covers(horizontal, y, (xs[c]! + xs[c + 1]!) / 2));
  return {
    rows: out.filter((row) => row.some((cell) => cell.text !== '')),
    xs,
    top: ys[0]!,
    items: taken,
    firstRow: along(0),
    lastRow: along(rows - 1),
    openAbove: open(ys[0]!),
    openBelow: open(ys.at(-1)!),
  };
}

/** A cell's items as its text: lines top to bottom, each left to right, joined without spaces between Chinese. */
function cellText(items: PositionedItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedItem[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= item.size * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      // Items that stand apart within a cell are cells whose rule is missing: kept apart.
      return line.map((item, i) => (i > 0 && standApart(line[i - 1]!, item) ? `\t${item.text}` : item.text)).join('');
    })
    .map((text) => text.trim())
    .filter((text) => text !== '')
    // Two numbers on two lines of one cell stay two numbers (14 over 5 is never 145).
    .reduce((all, text) => (/[0-9０-９]$/.test(all) && /^[+\-＋－−]?[0-9０-９]/.test(text) ? `${all}\t${text}` : joinText(all, text)), '');
}

/**
 * Merged cells that go on across a page break (三、本年度办理结果 spanning rows on two pages):
 * where the cell over a column at the foot of the last page's table and the cell over it at the
 * head of this page's table span the same columns, one of them spans several rows and no rule
 * closes either at the break, they are one cell: the text of the second is joined to the first, and the second is marked joined.
 */
export function joinMergedCells(last: PageTable, first: PageTable): void {
  const seen = new Set<GridCell>();
  for (const below of first.firstRow) {
    if (!below || seen.has(below)) continue;
    seen.add(below);
    const above = last.lastRow.find((cell) => cell !== null && sameColumns(last, cell, first, below));
    if (!above || (above.rows === 1 && below.rows === 1)) continue;
    // Only a cell the page cut: no rule under it on the last page, none over it on this one.
    if (!last.openBelow[above.c0] || !first.openAbove[below.c0]) continue;
    if (/[0-9０-９]/.test(above.text) && /[0-9０-９]/.test(below.text)) continue;
    above.text = joinText(above.text, below.text);
    below.joined = true;
  }
}

/** Whether two cells of two tables stand over the same columns of the page. */
function sameColumns(a: PageTable, cellA: GridCell, b: PageTable, cellB: GridCell): boolean {
  return Math.abs(a.xs[cellA.c0]! - b.xs[cellB.c0]!) <= SNAP * 2 && Math.abs(a.xs[cellA.c1 + 1]! - b.xs[cellB.c1 + 1]!) <= SNAP * 2;
}

/**
 * A row broken across two pages (a Word or browser table row may break): the last row of a
 * page's table and the first row of the next page's, made one row — only where no rule closes
 * them at the break, they are the same cells (the same columns), no cell has a number on both
 * sides, and the part on the new page starts no row of its own (its texts go on from the ones
 * before). Else null: they are two rows.
 */
export function joinBrokenRow(
  last: GridCell[],
  first: GridCell[],
  lastTable: PageTable,
  firstTable: PageTable,
  startsRow: (text: string) => boolean,
): GridCell[] | null {
  // The new page's cells each under one of the last row's (a merged cell joined already is left out).
  const number = /^[+\-＋－−]?[0-9０-９]/;
  const joined = last.map((cell) => ({ ...cell }));
  const used = new Set<number>();
  for (const b of first) {
    const index = last.findIndex((a, i) => !used.has(i) && sameColumns(lastTable, a, firstTable, b));
    if (index < 0) return null;
    used.add(index);
    const a = last[index]!;
    // A row the page broke has no rule along the break.
    if (!lastTable.openBelow[a.c0] || !firstTable.openAbove[b.c0]) return null;
    if (number.test(a.text) && number.test(b.text)) return null;
    if (b.text !== '' && !number.test(b.text) && startsRow(b.text)) return null;
    joined[index]!.text = joinText(a.text, b.text);
  }
  return joined;
}

/**
 * Whether two items on one line are two cells: a gap of more than half a character, or any gap
 * at all between two numbers (10 and 0 set close together are never read as 100), or two numbers
 * in sizes a reader tells apart (a footnote marker set small beside a number: 5¹ is never 51).
 */
export function standApart(left: PositionedItem, right: PositionedItem): boolean {
  const gap = right.x - (left.x + left.width);
  const size = Math.max(left.size, right.size);
  if (gap > size * 0.6) return true;
  const numbers = /[0-9０-９]$/.test(left.text.trim()) && /^[0-9０-９]/.test(right.text.trim());
  return numbers && (gap > size * 0.1 || Math.min(left.size, right.size) < size * 0.8);
}
