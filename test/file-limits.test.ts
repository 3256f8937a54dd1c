/**
 * One file must never stop the portal (issue 13): the real pool, with real worker threads, on a
 * folder where some files hang the parser, backtrack for ever, fill their heap, exit or crash
 * their worker (test/file-limits-worker.ts misbehaves by the file's name; the others go through
 * the real parser). Each of those files is listed with the limit that stopped it, never cached;
 * every other file's record is the one a normal ingest gives, in the files' order. The limits are
 * small (5 s, 128 MB) so that the test cannot take the machine down; nothing is timed.
 */
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnvironment } from '../src/ingest/file-limits.ts';
import { codeFingerprint } from '../src/ingest/cache.ts';
import { digestOf, ingestFolder, listReportFiles } from '../src/ingest/ingest-folder.ts';
import { folderMessages } from '../src/cli/format-message.ts';
import { parseInWorkers } from '../src/ingest/worker-pool.ts';
import { temporaryFolder } from './temporary-folder.ts';

// Small, so that the test cannot take the machine down, yet above what a real report needs on a
// loaded machine: the parser's heap is ~32 MB once loaded, ~45 MB parsing the largest page.
const LIMITS = { timeSeconds: 5, memoryMb: 128 };
const MISBEHAVING = new URL('./file-limits-worker.ts', import.meta.url);

/** Real reports, as each is in reports/. */
const GENUINE = ['2020-春晓街道.txt', '2021-南关区民政局.txt', '2023-平潭综合实验区.html', '2024-南关区自强街道.txt', '2025-平潭综合实验区行政审批局.html'];

/** Files a misbehaving worker is stopped on (each a copy of a real report, which it never parses), and the rule each gets. */
const STOPPED: Record<string, string> = {
  '2019-hangs.txt': 'file-time-limit',
  '2021-backtracks.txt': 'file-time-limit',
  '2022-fills-memory.txt': 'file-memory-limit',
  '2023-exits.txt': 'worker-crashed',
  '2024-throws.txt': 'worker-crashed',
};

describe('each file parsed where a fault costs only that file', () => {
  it('lists the files that hang, fill their heap or crash their worker, and parses every other as usual, in order', async () => {
    const plain = temporaryFolder('gongkai-limits-plain-');
    const hostile = temporaryFolder('gongkai-limits-');
    for (const name of GENUINE) {
      copyFileSync(join('reports', name), join(plain, name));
      copyFileSync(join('reports', name), join(hostile, name));
    }
    for (const name of Object.keys(STOPPED)) copyFileSync(join('reports', GENUINE[0]!), join(hostile, name));
    const cache = temporaryFolder('gongkai-limits-cache-');
    const pool = { workerModule: MISBEHAVING, limits: LIMITS, workers: 2 };

    const usual = await ingestFolder(plain);
    const result = await ingestFolder(hostile, { cache, pool });

    expect(result.reports).toEqual(usual.reports);
    expect(result.markdown).toEqual(usual.markdown);
    // In the files' order, whichever worker finished first.
    const names = (await listReportFiles(hostile)).filter((name) => name in STOPPED);
    expect(result.failures.map((failure) => failure.path)).toEqual(names);
    const bytes = readFileSync(join('reports', GENUINE[0]!));
    for (const failure of result.failures) {
      expect(failure, failure.path).toMatchObject({ rule: STOPPED[failure.path], line: null, column: null, bytes: bytes.length });
      expect(failure.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(failure.message).toContain('其余文件不受影响');
      expect(failure.message).toContain('下次构建会重新解析');
    }
    const message = (path: string) => result.failures.find((failure) => failure.path === path)!.message;
    expect(message('2019-hangs.txt')).toMatch(/^解析此文件超过 5 秒，已停止.*GONGKAI_FILE_TIME_LIMIT_S/);
    expect(message('2022-fills-memory.txt')).toMatch(/^解析此文件所需内存超过 128 MB，已停止.*GONGKAI_FILE_MEMORY_MB/);
    expect(message('2023-exits.txt')).toContain('退出码 3');
    expect(message('2024-throws.txt')).toContain('thrown outside the parser');

    // npm run check prints them as it prints every file that cannot be published: file, message, rule.
    const printed = stripVTControlCharacters(folderMessages(hostile, result.reports.map(digestOf), result.failures));
    for (const name of names) expect(printed).toMatch(new RegExp(`${name}\\n\\s+error\\s+解析此文件.*已停止.*${STOPPED[name]}\\s+gongkai`));

    // Only the genuine files' outcomes are cached: a stopped file is parsed again next time.
    expect(readdirSync(join(cache, codeFingerprint())).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))).toHaveLength(GENUINE.length);
    for (const name of names.filter((name) => name !== '2023-exits.txt')) rmSync(join(hostile, name));
    const again = await ingestFolder(hostile, { cache, pool });
    expect(again.cache).toMatchObject({ hits: GENUINE.length, parsedNames: ['2023-exits.txt'] });
    expect(again.reports).toEqual(usual.reports);
    expect(again.failures.map((failure) => failure.rule)).toEqual(['worker-crashed']);
    // Each of these files costs a worker started again (the parser loaded), some a limit's wait:
    // on a loaded machine this takes longer than most tests.
  }, 300_000);

  it('stops with the reason where no worker can start, rather than parse without the limits', async () => {
    const folder = temporaryFolder('gongkai-limits-');
    copyFileSync(join('reports', GENUINE[0]!), join(folder, GENUINE[0]!));
    const pool = { workerModule: new URL('./no-such-worker.ts', import.meta.url), limits: LIMITS, workers: 2 };
    await expect(ingestFolder(folder, { pool })).rejects.toThrow(/ingest workers could not start \(.*no-such-worker.*\); GONGKAI_WORKERS=0 parses in this thread/);
  });

  it('gives the same records for reports/ through the workers as in this thread', async () => {
    const inWorkers = await ingestFolder('reports', { pool: { workers: 2 } });
    const here = await ingestFolder('reports', { pool: { workers: 0 } });
    expect(inWorkers.reports.length).toBe(readdirSync('reports').length - 1);
    expect(inWorkers).toEqual(here);
  });

  it('keeps its workers for the next ingest only when asked, as npm run dev does', async () => {
    const tasks = [{ name: 'thread', file: 'thread', key: null }];
    const thread = async (keep: boolean) => {
      const [outcome] = await parseInWorkers(tasks, { cacheRoot: null, workerModule: MISBEHAVING, limits: LIMITS, workers: 1, keep });
      return outcome && 'failure' in outcome ? outcome.failure.message : undefined;
    };
    const first = await thread(true);
    expect(first).toMatch(/^\d+$/);
    expect(await thread(false)).toBe(first);
    // Not kept this time: the next ingest starts a worker of its own.
    expect(await thread(false)).not.toBe(first);
  });

  it('reads its limits from the environment, naming a value it cannot use', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(limitsFromEnvironment({})).toEqual(DEFAULT_LIMITS);
      expect(limitsFromEnvironment({ GONGKAI_FILE_TIME_LIMIT_S: '30', GONGKAI_FILE_MEMORY_MB: '512' })).toEqual({ timeSeconds: 30, memoryMb: 512 });
      expect(stderr).not.toHaveBeenCalled();
      expect(limitsFromEnvironment({ GONGKAI_FILE_TIME_LIMIT_S: 'soon', GONGKAI_FILE_MEMORY_MB: '-1' })).toEqual(DEFAULT_LIMITS);
      expect(stderr.mock.calls.map(([text]) => String(text))).toEqual([
        'GONGKAI_FILE_TIME_LIMIT_S=soon is not a positive number: using 120\n',
        'GONGKAI_FILE_MEMORY_MB=-1 is not a positive number: using 1024\n',
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
