/**
 * Every value's place in the original's tables (source.cells[…].table, row, tableColumn), checked
 * against the originals independently of the parser:
 *
 * - a saved web page is parsed again here with parse5; the cell the value's line and column
 *   point at must be a <td>/<th> whose table, laid out as a grid here (rowspan and colspan
 *   expanded), has the value's row and column within that cell's span; one table number is one
 *   <table> element, and the numbers follow the tables' order in the page;
 * - in a text file, the numbers follow the lines: a table starts after the one before it, and a
 *   table's rows go down the file.
 */
import { readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, expectsRecord, fixtureCases } from './fixture-cases.ts';
import { cellSources } from '../src/schema/cell-places.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  // A <template>'s content is not part of the page.
  for (const child of children) yield* elements(child);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes.filter(isElement)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...child.childNodes.filter(isElement).filter((row) => row.tagName === 'tr'));
  }
  return rows;
}

const spanOf = (cell: Element, name: string) => {
  const value = Number.parseInt(cell.attrs.find((attr) => attr.name === name)?.value ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? value : 1;
};

/** Each cell of a table and the rectangle of the grid it covers (rows and columns from 1). */
function gridOf(table: Element): Map<Element, { top: number; left: number; bottom: number; right: number }> {
  const taken: boolean[][] = [];
  const places = new Map<Element, { top: number; left: number; bottom: number; right: number }>();
  rowsOf(table).forEach((row, r) => {
    let c = 0;
    for (const cell of row.childNodes.filter(isElement).filter((node) => node.tagName === 'td' || node.tagName === 'th')) {
      while (taken[r]?.[c]) c++;
      const rows = spanOf(cell, 'rowspan');
      const columns = spanOf(cell, 'colspan');
      for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < columns; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      places.set(cell, { top: r + 1, left: c + 1, bottom: r + rows, right: c + columns });
      c += columns;
    }
  });
  return places;
}

const fixtures = fixtureCases()
  .filter((fixture) => expectsRecord(fixture.dir))
  .map((fixture) => ({ ...fixture, record: expectedRecord<Report>(fixture.dir) }));

describe('where each value is in the original’s tables', () => {
  const pages = fixtures.filter((fixture) => fixture.record.source.format === 'html');
  const texts = fixtures.filter((fixture) => fixture.record.source.format === 'text');

  it('has fixtures of both kinds to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(texts.length).toBeGreaterThanOrEqual(8);
  });

  it('numbers the 2019 template’s seven tables of a saved page as a reader counts them, typed by hand from the page', () => {
    // test/fixtures/html-2019-template-signed-changes/input.html: five tables of part 2 (第二十条
    // 第（一）、（五）、（六）、（八）、（九）项), the applications matrix, then review and litigation.
    // In the matrix, row 4 is 一、本年新收 (its label spans columns 1–3; 自然人 is column 4, 总计 column 10);
    // row 6 is （一）予以公开 (三、本年度办理结果 spans column 1 downwards, the label columns 2–3).
    const record = pages.find((fixture) => fixture.name === 'html-2019-template-signed-changes')!.record;
    const cells = Object.fromEntries(cellSources(record));
    const at = (path: string) => [cells[path]!.table, cells[path]!.row, cells[path]!.tableColumn, cells[path]!.text];
    expect(at('applications.newReceived.naturalPerson')).toEqual([6, 4, 4, '3']);
    expect(at('applications.newReceived.total')).toEqual([6, 4, 10, '4']);
    expect(at('applications.results.granted.total')).toEqual([6, 6, 10, '3']);
    expect(new Set(Object.entries(cells).filter(([path]) => path.startsWith('proactive.')).map(([, cell]) => cell.table))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(Object.entries(cells).filter(([path]) => path.startsWith('reviewLitigation.')).map(([, cell]) => cell.table))).toEqual(new Set([7]));
  });

  for (const fixture of pages) {
    it(`${fixture.name}: the cell at each value's line and column, in its table's grid`, () => {
      const bytes = readFileSync(fixture.input);
      const html = new TextDecoder(fixture.record.source.encoding ?? 'utf-8').decode(bytes);
      const document = parse(html, { sourceCodeLocationInfo: true });
      const cells = new Map<string, Element>();
      for (const element of elements(document)) {
        const at = element.sourceCodeLocation;
        if ((element.tagName === 'td' || element.tagName === 'th') && at) cells.set(`${at.startLine}:${at.startCol}`, element);
      }
      const tableOf = new Map<number, Element>();
      const grids = new Map<Element, ReturnType<typeof gridOf>>();
      const sources = cellSources(fixture.record);
      expect(sources.length).toBeGreaterThan(0);
      for (const [path, source] of sources) {
        const cell = cells.get(`${source.line}:${source.column}`);
        expect(cell, `${path}: no cell at line ${source.line}, column ${source.column}`).toBeDefined();
        let table: Node | null = cell!.parentNode;
        while (table && !(isElement(table) && table.tagName === 'table')) table = (table as Element).parentNode;
        expect(table, `${path}: a cell outside a table`).not.toBeNull();
        const element = table as Element;
        if (!grids.has(element)) grids.set(element, gridOf(element));
        const place = grids.get(element)!.get(cell!)!;
        expect(source.row, `${path}: row`).toBeGreaterThanOrEqual(place.top);
        expect(source.row, `${path}: row`).toBeLessThanOrEqual(place.bottom);
        expect(source.tableColumn, `${path}: column`).toBeGreaterThanOrEqual(place.left);
        expect(source.tableColumn, `${path}: column`).toBeLessThanOrEqual(place.right);
        const known = tableOf.get(source.table);
        if (known) expect(known, `${path}: table ${source.table} is another <table>`).toBe(element);
        else tableOf.set(source.table, element);
      }
      // One element per number, in the page's order.
      const numbered = [...tableOf.entries()].sort(([a], [b]) => a - b).map(([, element]) => element.sourceCodeLocation!.startOffset);
      expect(new Set(numbered).size).toBe(numbered.length);
      expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
    });
  }

  for (const fixture of texts) {
    it(`${fixture.name}: tables and rows in the order of the lines`, () => {
      const sources = cellSources(fixture.record).map(([, source]) => source);
      expect(sources.length).toBeGreaterThan(0);
      const byTable = new Map<number, typeof sources>();
      for (const source of sources) byTable.set(source.table, [...(byTable.get(source.table) ?? []), source]);
      const spans = [...byTable.entries()].sort(([a], [b]) => a - b).map(([, cells]) => {
        // Within a table, a later row never starts on an earlier line.
        const byRow = [...new Set(cells.map((cell) => cell.row))].sort((a, b) => a - b).map((row) => Math.min(...cells.filter((cell) => cell.row === row).map((cell) => cell.line!)));
        expect(byRow).toEqual([...byRow].sort((a, b) => a - b));
        return [Math.min(...cells.map((cell) => cell.line!)), Math.max(...cells.map((cell) => cell.line!))] as const;
      });
      for (let n = 1; n < spans.length; n++) expect(spans[n]![0]).toBeGreaterThan(spans[n - 1]![1]);
    });
  }
});
