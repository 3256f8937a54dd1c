/**
 * The CSV writer and the zip: CSV fields that need quoting read back exactly with an independent
 * parser (csv-parse), null stays an empty field; a bulk file compressed a piece at a time and
 * zipped reads back with independent readers (fflate, and Info-ZIP's unzip where installed) as
 * the bytes on disk, dated 2000-01-01 whatever the time zone, and taking unchanged pieces'
 * segments from an earlier zip gives the bytes of compressing them all again, in the zip and in
 * the .gz copy made from the same segments.
 */
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../src/publish/csv.ts';
import { PieceFile, type WrittenFile } from '../src/publish/piece-file.ts';
import { writeGzip } from '../src/publish/gzip.ts';
import { writeZip } from '../src/publish/zip.ts';
import { infoZip, unzipTest, zipInfo } from './info-zip.ts';
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

interface Zipped {
  zip: string;
  file: string;
  /** The file's .gz copy, made from the same deflate data. */
  gzip: string;
  bytes: Buffer;
  pieces: PieceFile['pieces'];
  dataOffset: number;
  written: WrittenFile;
}

/**
 * A bulk file written by PieceFile and zipped with a small file. A piece is made afresh from its
 * body, or copied from `previous` (its piece `copy`, with its segment when `sameBefore`).
 */
async function pieceFileZip(folder: string, name: string, pieces: Array<{ body: string } | { copy: number; sameBefore: boolean } | { skip: true }>, previous?: Zipped): Promise<Zipped> {
  const open = previous && { fd: openSync(previous.file, 'r'), zip: openSync(previous.zip, 'r'), zipOffset: previous.dataOffset };
  const file = new PieceFile(
    name,
    join(folder, name),
    { head: '[', separator: ',', tail: (any) => (any ? '\n]\n' : ']\n'), segments: join(folder, `${name}.deflate`) },
    open ?? null,
  );
  for (const piece of pieces) {
    if ('body' in piece) await file.add(Buffer.from(piece.body));
    else if ('skip' in piece) file.skip();
    else await file.copy(previous!.pieces[piece.copy]!, piece.sameBefore);
  }
  const written = await file.finish();
  writeGzip(join(folder, `${name}.gz`), written);
  if (open) for (const fd of [open.fd, open.zip]) closeSync(fd);
  const small = Buffer.from('\uFEFFreport_id,value\r\nx-2020,1\r\n');
  const zip = join(folder, `${name}.zip`);
  const { dataOffsets } = writeZip(zip, [written, { name: 'small.csv', bytes: small.length, crc32: crc32(small), deflated: deflateRawSync(small) }]);
  return { zip, file: join(folder, name), gzip: join(folder, `${name}.gz`), bytes: readFileSync(zip), pieces: file.pieces, dataOffset: dataOffsets[0]!, written };
}

describe('the zip of deflate segments', () => {
  // Pieces long enough to be compressed against the one before them (a 40 KB piece, more than
  // the window), one empty, one with characters outside ASCII.
  const body = (n: number) => `\n  {"id": "report-${n}", "text": "${'春晓街道办事处 '.repeat(n * 900)}"}`;
  const pieces = [1, 2, 3, 4, 5].map((n) => ({ body: body(n) }));

  it('reads back with independent readers as the bytes on disk', async () => {
    const folder = temporaryFolder('gongkai-zip-');
    const { zip, bytes, written } = await pieceFileZip(folder, 'all.json', [...pieces.slice(0, 2), { body: '' }, ...pieces.slice(2)]);
    const file = readFileSync(join(folder, 'all.json'));
    expect(JSON.parse(file.toString())).toHaveLength(5);
    expect(written.bytes).toBe(file.length);
    expect(written.crc32).toBe(crc32(file));
    const entries = unzipSync(bytes);
    expect(Buffer.from(entries['all.json']!)).toEqual(file);
    expect(Buffer.from(entries['small.csv']!).toString()).toBe('\uFEFFreport_id,value\r\nx-2020,1\r\n');
    // The .gz copies: of the segments (in a file) and of a file deflated whole (in memory).
    expect(Buffer.from(gunzipSync(readFileSync(join(folder, 'all.json.gz'))))).toEqual(file);
    const small = Buffer.from('\uFEFFreport_id,value\r\nx-2020,1\r\n');
    const gzipped = writeGzip(join(folder, 'small.csv.gz'), { name: 'small.csv', bytes: small.length, crc32: crc32(small), deflated: deflateRawSync(small) });
    expect(gzipped.bytes).toBe(readFileSync(join(folder, 'small.csv.gz')).length);
    expect(Buffer.from(gunzipSync(readFileSync(join(folder, 'small.csv.gz'))))).toEqual(small);
    if (infoZip) {
      expect(unzipTest(zip)).toContain('No errors detected');
      const listing = zipInfo(zip);
      expect(listing.match(/-rw-r--r-- .* defN 20000101\.000000 /g)).toHaveLength(2);
    }
  });

  it('gives the same bytes, zip and .gz, when unchanged pieces and their segments are copied from the last build', async () => {
    const folder = temporaryFolder('gongkai-zip-');
    // Before: pieces 2, 3, 4, 6, 5. After: 1 is new and first, 6 is gone. Piece 2 was first and
    // now follows 1, 5 follows 4 now: both are compressed again; 3 and 4 keep their segments, and
    // are copied as one run, across a report that has no piece in the file (of another year).
    const before = await pieceFileZip(folder, 'before.json', [pieces[1]!, pieces[2]!, pieces[3]!, { body: body(6) }, pieces[4]!]);
    const after = await pieceFileZip(
      folder,
      'after.json',
      [pieces[0]!, { copy: 0, sameBefore: false }, { copy: 1, sameBefore: true }, { skip: true }, { copy: 2, sameBefore: true }, { copy: 4, sameBefore: false }],
      before,
    );
    const cold = await pieceFileZip(temporaryFolder('gongkai-zip-'), 'after.json', [pieces[0]!, pieces[1]!, pieces[2]!, { skip: true }, pieces[3]!, pieces[4]!]);
    expect(readFileSync(after.file)).toEqual(readFileSync(cold.file));
    expect(after.pieces).toEqual(cold.pieces);
    expect(after.pieces[3]).toBeNull();
    expect(after.written.sha256).toBe(cold.written.sha256);
    expect(after.bytes).toEqual(cold.bytes);
    expect(readFileSync(after.gzip)).toEqual(readFileSync(cold.gzip));
    expect(Buffer.from(gunzipSync(readFileSync(after.gzip)))).toEqual(readFileSync(after.file));
    expect(Buffer.from(unzipSync(after.bytes)['after.json']!)).toEqual(readFileSync(after.file));
    if (infoZip) expect(unzipTest(after.zip)).toContain('No errors detected');
  });
});
