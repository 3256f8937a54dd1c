/**
 * A table row with one cell more than its template gives it — a stray value, a cell split in
 * two — in the text formats (issue 13): the text of a Word file (a cell a line after a tab) and a
 * page's text (a crawler's capture, a cell a line; innerText, tabs between cells). Such a row is
 * refused, never read with its values shifted or its first value taken for its label. Real
 * samples are changed one cell at a time: a number or a blank cell put before each cell of every
 * value row and after its last; every value read is then the original's, from the original's
 * cell, or null, and each null has a finding on its row. A web page's part 2 row given a <td>
 * too many is refused as well.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/parse-report.ts';
import { nodeAt } from '../src/schema/record-paths.ts';
import type { Report } from '../src/schema/report.ts';
import { cellSourceAt, cellSources } from '../src/schema/cell-places.ts';

const SAMPLES = [
  'reports/2020-春晓街道.txt',
  'reports/2021-世纪街道.txt',
  'reports/2021-南关区民政局.txt',
  'reports/2021-长春市南关区新春街道办事处.txt',
  'reports/2024-南关区自强街道.txt',
];
const TABLES = /^(proactive|applications|reviewLitigation)\./;

/** The table cells of a record: path → its source line. */
function tableCells(report: Report): Array<[string, number]> {
  return cellSources(report)
    .filter(([key, source]) => TABLES.test(key) && source.line !== null)
    .map(([key, source]) => [key, source.line!]);
}

/**
 * Checks a record read from a text with `count` lines inserted at `inserted` (1-based) against
 * the original's: every value the original's from the same cell, or null with a finding on its
 * row. Returns how many values became null.
 */
function expectOriginalOrNull(original: Report, mutated: Report, inserted: number, what: string, count = 1): number {
  let nulls = 0;
  for (const [path, line] of tableCells(original)) {
    const after = nodeAt(mutated, path);
    if (after === null && nodeAt(original, path) !== null) {
      const row = path.slice(0, path.lastIndexOf('.'));
      const named = mutated.findings.some((f) => f.paths.some((p) => p === path || p === row || path.startsWith(`${p}.`)));
      expect(named, `${what}: ${path} became null with no finding on its row`).toBe(true);
      nulls++;
      continue;
    }
    expect(after, `${what}: ${path}`).toBe(nodeAt(original, path));
    const source = cellSourceAt(mutated, path)?.line;
    if (after !== null && source != null) {
      // The value comes from the cell it came from, not from its neighbour's.
      expect(source >= inserted ? source - count : source, `${what}: ${path} read from another cell`).toBe(line);
    }
  }
  return nulls;
}

/** The lines (1-based) of the value rows of a Word file's text: each row's cell lines. */
function valueRows(text: string, report: Report): number[][] {
  const lines = text.split('\n');
  const valueLines = new Set(tableCells(report).map(([, line]) => line));
  const rows: number[][] = [];
  let row: number[] = [];
  lines.forEach((line, index) => {
    if (line.startsWith('\t')) row.push(index + 1);
    else if (line.trim() === '') {
      if (row.some((n) => valueLines.has(n))) rows.push(row);
      row = [];
    }
  });
  if (row.some((n) => valueLines.has(n))) rows.push(row);
  return rows;
}

function insertLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(at - 1, 0, line);
  return lines.join('\n');
}

describe('a row of a Word file’s text with a cell too many', () => {
  // One test per sample and per kind of cell, each well within the time limit on a loaded machine.
  const cases = SAMPLES.flatMap((path) => [
    { path, cell: '\t7', what: 'a number' },
    { path, cell: '\t', what: 'a blank cell' },
  ]);
  it.each(cases)('$path: $what before each cell of a value row, or after its last, shifts nothing', async ({ path, cell }) => {
    const text = readFileSync(path, 'utf8');
    const original = await parseReportBytes(path, Buffer.from(text));
    const rows = valueRows(text, original);
    expect(rows.length).toBeGreaterThan(20);
    let nulls = 0;
    for (const row of rows) {
      for (const at of [...row, row.at(-1)! + 1]) {
        const mutated = await parseReportBytes(path, Buffer.from(insertLine(text, at, cell)));
        nulls += expectOriginalOrNull(original, mutated, at, `${JSON.stringify(cell)} at line ${at}`);
      }
    }
    // The stray cells did take rows out (each one a row's worth of values).
    expect(nulls).toBeGreaterThan(0);
  });

  it('refuses the row with an error naming its line and how many cells it has and should have, in parts 2, 3 and 4', async () => {
    for (const path of ['reports/2020-春晓街道.txt', 'reports/2021-世纪街道.txt']) {
      const text = readFileSync(path, 'utf8');
      const original = await parseReportBytes(path, Buffer.from(text));
      const proactive = cellSources(original).map(([path]) => path).find((key) => key.startsWith('proactive.regulations.'))!;
      const cases: Array<[string, number]> = [
        [proactive, 3],
        ['applications.newReceived.total', 7],
        ['reviewLitigation.review.upheld', 15],
      ];
      for (const [cell, width] of cases) {
        const row = cell.slice(0, cell.lastIndexOf('.'));
        const line = cellSourceAt(original, cell)!.line!;
        const mutated = await parseReportBytes(path, Buffer.from(insertLine(text, line + 1, '\t7')));
        const finding = mutated.findings.find((f) => f.rule === 'wrong-cell-count');
        expect(finding, `${path} ${cell}`).toBeDefined();
        expect(finding!.severity).toBe('error');
        expect(finding!.paths.some((p) => p === cell || p === row || cell.startsWith(`${p}.`))).toBe(true);
        expect(finding!.message).toContain(`应有${width}个`);
        expect(finding!.message).toContain(`${width + 1}个`);
        expect(finding!.message).toContain('“7”');
        // The row's first line, or the table's for part 4's single row.
        expect(finding!.line).toBeGreaterThan(0);
        expect(finding!.line).toBeLessThanOrEqual(line);
        expect(nodeAt(mutated, cell)).toBeNull();
      }
    }
  });

  it('takes no number for a label: a number before a row’s label refuses the row', async () => {
    const path = 'reports/2020-春晓街道.txt';
    const text = readFileSync(path, 'utf8');
    const original = await parseReportBytes(path, Buffer.from(text));
    const labelLine = text.split('\n').findIndex((line) => line.startsWith('\t一、本年新收')) + 1;
    const mutated = await parseReportBytes(path, Buffer.from(insertLine(text, labelLine, '\t5')));
    expect(nodeAt(mutated, 'applications.newReceived.total')).toBeNull();
    const finding = mutated.findings.find((f) => f.rule === 'wrong-cell-count');
    expect(finding?.message).toContain('“5”');
    expect(finding?.paths).toEqual(['applications.newReceived']);
    expect(nodeAt(original, 'applications.newReceived.total')).toBe(1);
  });
});

const FORMS = join(import.meta.dirname, 'page-forms');

describe('a row of a page’s text with a cell too many', () => {
  // A crawler's capture (a cell a line, a blank cell an empty line) and innerText (a cell a line
  // here, a line of a tab between cells): the lines a cell more makes in each.
  const capture = (form: string) => [
    { form, lines: ['7'], what: 'a number' },
    { form, lines: [''], what: 'a blank cell' },
  ];
  const cases = [
    ...capture('pingtan-2022-jinjing-pianqu/capture.txt'),
    ...capture('html-2021-template-merged-headers-in-layout-table/capture.txt'),
    { form: 'pingtan-2022-jinjing-pianqu/inner-text.txt', lines: ['\t', '7'], what: 'a number' },
    { form: 'pingtan-2022-jinjing-pianqu/inner-text.txt', lines: ['\t'], what: 'a blank cell' },
  ];
  it.each(cases)('$form: $what after each value shifts nothing', async ({ form, lines: cell }) => {
    const extra = cell.at(-1)!.replace('\t', '');
    const path = `reports/${form.replace('/', '-')}`;
    const text = readFileSync(join(FORMS, form), 'utf8').split(/\r\n?|\n/).join('\n');
    const original = await parseReportBytes(path, Buffer.from(text));
    const lines = text.split('\n');
    let nulls = 0;
    let tried = 0;
    for (const [key, source] of cellSources(original)) {
      if (!TABLES.test(key) || source.line === null || source.text === '') continue;
      const mutated = [...lines];
      const line = mutated[source.line - 1]!;
      let inserted = Number.POSITIVE_INFINITY;
      if (line.includes('\t')) {
        const end = source.column! - 1 + source.text.length;
        mutated[source.line - 1] = `${line.slice(0, end)}\t${extra}${line.slice(end)}`;
      } else {
        mutated.splice(source.line, 0, ...cell);
        inserted = source.line + 1;
      }
      const report = await parseReportBytes(path, Buffer.from(mutated.join('\n')));
      nulls += expectOriginalOrNull(original, report, inserted, `${key}: ${JSON.stringify(cell)} after line ${source.line}`, cell.length);
      tried++;
    }
    expect(tried).toBeGreaterThan(50);
    expect(nulls).toBeGreaterThan(0);
  });
});

describe('a row of a web page with a <td> too many', () => {
  it('is refused in part 2 where the row is wider than its header, never read shifted', async () => {
    const path = 'reports/2024-平潭综合实验区行政审批局.html';
    const page = readFileSync(path, 'utf8');
    const original = await parseReportBytes(path, Buffer.from(page));
    const cells = cellSources(original).filter(([key]) => key.startsWith('proactive.'));
    expect(cells.length).toBeGreaterThanOrEqual(10);
    let nulls = 0;
    for (const [key, source] of cells) {
      let offset = 0;
      for (let line = 1; line < source.line!; line++) offset = page.indexOf('\n', offset) + 1;
      const end = page.indexOf('</td>', offset + source.column! - 1) + '</td>'.length;
      const mutated = await parseReportBytes(path, Buffer.from(`${page.slice(0, end)}<td>7</td>${page.slice(end)}`));
      // The page's lines are as they were: the <td> is put within a line.
      nulls += expectOriginalOrNull(original, mutated, Number.POSITIVE_INFINITY, `<td>7</td> after ${key}`);
    }
    expect(nulls).toBeGreaterThan(0);
  });
});
