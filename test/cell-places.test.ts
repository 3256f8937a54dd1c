/**
 * The compact form of each value's place (src/schema/cell-places.ts): written once per value in
 * the shape of the tables, the printed text left out only where it is the value itself, and read
 * back as the cell the extractors recorded.
 */
import { describe, expect, it } from 'vitest';
import { cellSourceAt, cellSources, packCells, type CellSource } from '../src/schema/cell-places.ts';
import { nodeAt } from '../src/schema/record-paths.ts';
import type { Report } from '../src/schema/report.ts';
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
