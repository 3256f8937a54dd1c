/**
 * The ingest remembers each file's SHA-256 with its stat (src/ingest/file-hashes.ts), so that a
 * rebuild does not read every report to find the one that changed. What must hold: a file that
 * changed in any way is read again, however little it changed; a hash is not kept for a file
 * written just before it was read; a damaged list is ignored.
 */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../src/ingest/cache.ts';
import { cellSourceAt } from '../src/schema/cell-places.ts';
import { FileHashes } from '../src/ingest/file-hashes.ts';
import { ingestFolder } from '../src/ingest/ingest-folder.ts';
import { temporaryFolder } from './temporary-folder.ts';

const SHA = 'a'.repeat(64);

describe('remembered file hashes', () => {
  it('are given back only for a file whose stat is the same, and kept only once the file has settled', () => {
    const folder = temporaryFolder('gongkai-hashes-');
    const file = join(folder, 'r.txt');
    writeFileSync(file, '报告');
    const stats = statSync(file);
    const hashes = new FileHashes(folder);
    // Read within two seconds of being written: not kept.
    hashes.remember('r.txt', stats, SHA, stats.mtimeMs + 500);
    hashes.remember('old.txt', stats, SHA, Math.max(stats.mtimeMs, stats.ctimeMs) + 5000);
    hashes.save();
    const next = new FileHashes(folder);
    expect(next.known('r.txt', stats)).toBeUndefined();
    expect(next.known('old.txt', stats)).toBe(SHA);
    for (const changed of [{ size: stats.size + 1 }, { mtimeMs: stats.mtimeMs + 1 }, { ctimeMs: stats.ctimeMs + 1 }, { ino: stats.ino + 1 }]) {
      expect(next.known('old.txt', Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, changed)), JSON.stringify(changed)).toBeUndefined();
    }
  });

  it('are ignored when their list is damaged', () => {
    const folder = temporaryFolder('gongkai-hashes-');
    const stats = statSync(folder);
    const hashes = new FileHashes(folder);
    hashes.remember('a.txt', stats, SHA, Date.now() + 10_000);
    hashes.save();
    const path = join(folder, 'file-hashes.json');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 30));
    expect(new FileHashes(folder).known('a.txt', stats)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ version: 1, files: { 'a.txt': { ...stats, sha256: 'not a hash' } } }));
    expect(new FileHashes(folder).known('a.txt', stats)).toBeUndefined();
  });

  it('never hide a changed file from the ingest: a digit changed in place is parsed again', async () => {
    const folder = temporaryFolder('gongkai-hashes-reports-');
    const cache = temporaryFolder('gongkai-hashes-cache-');
    const report = join(folder, '2021-label-drift.txt');
    copyFileSync('test/fixtures/2021-template-label-drift/input.txt', report);
    // Old enough to be remembered when the first ingest reads it.
    await sleep(2100);
    const first = await ingestFolder(folder, { cache });
    expect(first.cache).toMatchObject({ parsed: 1, hits: 0 });
    const list = JSON.parse(readFileSync(join(cache, codeFingerprint(), 'file-hashes.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
    expect(Object.keys(list.files)).toEqual(['2021-label-drift.txt']);
    expect(list.files['2021-label-drift.txt']!.sha256).toBe(first.reports[0]!.source.sha256);
    // Unchanged: from the cache.
    expect((await ingestFolder(folder, { cache })).cache).toMatchObject({ parsed: 0, hits: 1 });
    // One figure changed to another of the same width: same size, the same name.
    const text = readFileSync(report, 'utf8');
    const value = first.reports[0]!.applications.newReceived.total;
    expect(typeof value).toBe('number');
    const place = cellSourceAt(first.reports[0]!, 'applications.newReceived.total')!;
    const lines = text.split('\n');
    const line = lines[place.line! - 1]!;
    const other = String(value).replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    lines[place.line! - 1] = line.replace(String(value), other);
    writeFileSync(report, lines.join('\n'));
    expect(statSync(report).size).toBe(Buffer.byteLength(text));
    const again = await ingestFolder(folder, { cache });
    expect(again.cache).toMatchObject({ parsed: 1, hits: 0 });
    expect(again.reports[0]!.applications.newReceived.total).toBe(Number(other));
  });
});
