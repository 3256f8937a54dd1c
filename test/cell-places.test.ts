/**
 * The compact form of each value's place (src/schema/cell-places.ts): written once per value in
 * the shape of the tables, the printed text left out only where it is the value itself, and read
 * back as the cell the extractors recorded.
 */
import { describe, expect, it } from 'vitest';
import { cellSourceAt, cellSources, cellTreeProblem, packCells, type CellSource } from '../src/schema/cell-places.ts';
import { nodeAt } from '../src/schema/record-paths.ts';
import { CellTree, type Report } from '../src/schema/report.ts';
import { expectedRecord, expectsRecord, fixtureCases } from './fixture-cases.ts';

const cell = (line: number | null, text: string): CellSource => ({ line, column: line === null ? null : 3, table: 2, row: 5, tableColumn: 4, text });

describe('each value’s place in a record', () => {
  const values: Record<string, unknown> = { a: { b: { c: 0, d: 385, e: null, f: 12, g: 1.5 } } };
  const flat = {
    'a.b.c': cell(10, '0'),
    'a.b.d': cell(11, '385万元'),
    'a.b.e': cell(12, ''),
    'a.b.f': cell(null, '１２'),
    'a.b.g': cell(13, '1.50'),
  };
  const packed = packCells(flat, values);
  const record = { ...values, source: { cells: packed } } as unknown as Report;

  it('keeps the text only where it is not the value written as a number', () => {
    expect(packed).toEqual({
      a: { b: { c: [10, 3, 2, 5, 4], d: [11, 3, 2, 5, 4, '385万元'], e: [12, 3, 2, 5, 4, ''], f: [null, null, 2, 5, 4, '１２'], g: [13, 3, 2, 5, 4, '1.50'] } },
    });
  });

  it('gives back every cell as recorded, in order', () => {
    expect(cellSources(record)).toEqual(Object.entries(flat));
    expect(cellSourceAt(record, 'a.b.d')).toEqual(flat['a.b.d']);
    expect(cellSourceAt(record, 'a.b')).toBeUndefined();
    expect(cellSourceAt(record, 'a.b.c.z')).toBeUndefined();
    expect(cellSourceAt(record, 'x.y')).toBeUndefined();
  });

  it('refuses a path that is both a value and a group', () => {
    expect(() => packCells({ 'a.b': cell(1, '1'), 'a.b.c': cell(2, '2') }, {})).toThrow(/both a value and a group/);
  });

  it('in every fixture, a place without its text is a number’s, and the text read back is that number', () => {
    let checked = 0;
    for (const fixture of fixtureCases().filter((each) => expectsRecord(each.dir))) {
      const report = expectedRecord<Report>(fixture.dir);
      for (const [path, source] of cellSources(report)) {
        const place = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report.source.cells) as unknown[];
        if (place.length === 5) {
          expect(typeof nodeAt(report, path), `${fixture.name} ${path}`).toBe('number');
          expect(source.text).toBe(String(nodeAt(report, path)));
          checked++;
        } else expect(source.text).toBe(place[5]);
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('the places’ own check (cellTreeProblem) and the schema’s CellTree', () => {
  const good = (): CellTree => ({
    proactive: { rules: { made: [12, 5, 1, 4, 2], repealed: [13, 5, 1, 5, 2, ''] } },
    applications: { newReceived: { total: [null, null, 2, 3, 9, '１２'] } },
  });
  const agree = (tree: unknown) => {
    const zod = CellTree.safeParse(tree).success;
    const own = cellTreeProblem(tree);
    expect(own === null, `${JSON.stringify(tree)}: zod says ${zod}, the walk says ${JSON.stringify(own)}`).toBe(zod);
    return zod;
  };

  it('passes every fixture’s places, as the schema does', () => {
    const cases = fixtureCases().filter((each) => expectsRecord(each.dir));
    expect(cases.length).toBeGreaterThan(5);
    for (const fixture of cases) expect(agree(expectedRecord<Report>(fixture.dir).source.cells)).toBe(true);
    expect(agree(good())).toBe(true);
    expect(agree({})).toBe(true);
  });

  it('refuses what the schema refuses, and no more', () => {
    const broken: unknown[] = [null, [], 'x', 3, [[1, 1, 1, 1, 1]], { a: null }, { a: 'x' }, { a: 5 }, { a: { b: [] } }];
    for (const leaf of [[12, 5, 1, 4, 2], [13, 5, 1, 5, 2, '']]) {
      for (let index = 0; index < 7; index++) {
        for (const item of [null, 0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '1', '', true, undefined, [1], {}]) {
          const place: unknown[] = [...leaf];
          place[index] = item;
          broken.push({ a: { b: place } });
        }
      }
      broken.push({ a: { b: leaf.slice(0, 4) } }, { a: { b: [...leaf, 'x', 'y'] } });
    }
    let refused = 0;
    for (const tree of broken) if (!agree(tree)) refused++;
    // Most of these are wrong; the rest (a null line, a text in place of a text) are places.
    expect(refused).toBeGreaterThan(broken.length * 0.7);
  });

  it('names the path and what is wrong', () => {
    const tree = good();
    (tree.proactive as CellTree).rules = { made: [12, 5, 0, 4, 2] };
    expect(cellTreeProblem(tree)).toEqual({ path: 'proactive.rules.made', message: expect.stringContaining('positive integer') });
  });
});
