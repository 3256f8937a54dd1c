/**
 * The ingest workers run the parser from a bundle made by esbuild (src/ingest/worker-bundle.ts),
 * not from the TypeScript sources: the bundle must give the records the sources give, for every
 * front end, including those it loads only when such a file comes (its chunks), and store them in
 * the cache of this code.
 */
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../src/ingest/cache.ts';
import { ingestFolder } from '../src/ingest/ingest-folder.ts';
import { bundledWorker } from '../src/ingest/worker-bundle.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** One real input of each kind the front ends read: a saved page, Word text, Markdown, a PDF, a Word 97 file. */
const INPUTS: Array<[string, string]> = [
  ['reports/2021-平潭综合实验区金井片区管理局.html', '2021-金井片区.html'],
  ['test/fixtures/2021-template-agency-only-in-body/input.txt', '2021-agency-only-in-body.txt'],
  ['test/fixtures/markdown-hand-written/input.md', '2023-hand-written.md'],
  ['test/page-forms/word-2019-template-procurement/report.pdf', '2019-procurement.pdf'],
  ['test/page-forms/word-2021-template-label-drift/report.rtf', '2021-label-drift.rtf'],
];

describe('the parser’s bundle for the ingest workers', () => {
  it('is made once for this code, beside the ingest cache', () => {
    const entry = bundledWorker();
    expect(entry).not.toBeNull();
    const path = fileURLToPath(entry!);
    expect(path).toBe(join(process.cwd(), '.cache', 'worker', codeFingerprint(), 'worker.mjs'));
    // The readers loaded only when such a file comes are chunks of their own.
    expect(readdirSync(join(path, '..')).filter((name) => /^(pdf|docx|legacy-word|markdown)-to-mdast-/.test(name))).toHaveLength(4);
    expect(bundledWorker()).toBe(entry);
  });

  it('gives every front end’s records as the sources do, and caches them for this code', async () => {
    const folder = temporaryFolder('gongkai-bundle-');
    for (const [from, to] of INPUTS) {
      expect(existsSync(from), from).toBe(true);
      copyFileSync(from, join(folder, to));
    }
    const cache = temporaryFolder('gongkai-bundle-cache-');
    const inWorkers = await ingestFolder(folder, { cache, pool: { workers: 2 } });
    const here = await ingestFolder(folder, { cache: null, pool: { workers: 0 } });
    expect(inWorkers.failures).toEqual(here.failures);
    expect(inWorkers.failures).toEqual([]);
    expect(inWorkers.reports).toHaveLength(INPUTS.length);
    expect(inWorkers.reports).toEqual(here.reports);
    expect([...inWorkers.markdown]).toEqual([...here.markdown]);
    // Stored in the folder of this code's fingerprint, where the next ingest finds them.
    expect(readdirSync(join(cache, codeFingerprint())).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))).toHaveLength(INPUTS.length);
    const again = await ingestFolder(folder, { cache, pool: { workers: 2 } });
    expect(again.cache).toMatchObject({ hits: INPUTS.length, parsed: 0 });
    expect(again.reports).toEqual(here.reports);
  });
});
