/**
 * The CSV writer and the zip: CSV fields that need quoting read back exactly with an independent
 * parser (csv-parse), null stays an empty field; the zip has the same bytes in every time zone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../src/publish/csv.ts';
import { zipFolderFiles } from '../src/publish/zip.ts';
import { temporaryFolder } from './temporary-folder.ts';

describe('toCsv', () => {
  it('quotes what RFC 4180 requires and reads back field for field', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line\nbreak', 'cr\ronly', 'crlf\r\nend', '  spaced  ', '', null, 0, -3.5, '＋1', '春晓街道'],
    ];
    const text = toCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"a,b","say ""hi""","line\nbreak","cr\ronly","crlf\r\nend",  spaced  ,,,0,-3.5,＋1,春晓街道\r\n');
    const [record] = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.values(record!)).toEqual(['a,b', 'say "hi"', 'line\nbreak', 'cr\ronly', 'crlf\r\nend', '  spaced  ', '', '', '0', '-3.5', '＋1', '春晓街道']);
  });
});

describe('zipFolderFiles', () => {
  it('gives the same bytes in every time zone, and holds the files as they are', async () => {
    const folder = temporaryFolder('gongkai-zip-');
    writeFileSync(join(folder, 'a.csv'), '\uFEFFreport_id,value\r\nx-2020,1\r\n');
    writeFileSync(join(folder, 'b.json'), '{"春晓街道": null}\n');
    const zips: Buffer[] = [];
    const zone = process.env['TZ'];
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
        process.env['TZ'] = tz;
        await zipFolderFiles(folder, ['a.csv', 'b.json'], join(folder, `${tz.replace('/', '-')}.zip`));
        zips.push(readFileSync(join(folder, `${tz.replace('/', '-')}.zip`)));
      }
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    expect(zips[1]).toEqual(zips[0]);
    expect(zips[2]).toEqual(zips[0]);
    const files = unzipSync(zips[0]!);
    expect(Buffer.from(files['b.json']!).toString()).toBe('{"春晓街道": null}\n');
    expect(Buffer.from(files['a.csv']!)).toEqual(readFileSync(join(folder, 'a.csv')));
  });
});
