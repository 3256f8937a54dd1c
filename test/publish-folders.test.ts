/**
 * Faults around putting a build in place (src/build/publish-folders.ts): two builds at once, a
 * build killed between its two renames or before it finished, a rename that fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockedError, markComplete, recoverRuns, swapIn, takeLock } from '../src/build/publish-folders.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** A folder holding one file that says which build it is from. */
const site = (folder: string, build: string) => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'build.txt'), build);
};
const from = (folder: string) => readFileSync(join(folder, 'build.txt'), 'utf8');

describe('one build at a time', () => {
  it('stops a second build while the first runs, takes over the lock of a build that was killed, and lets go', async () => {
    const builds = temporaryFolder('gongkai-lock-');
    const release = await takeLock(builds);
    // The lock is this process's: another build (another process) would stop. Here: a live child.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await release();
    writeFileSync(join(builds, 'lock'), `${child.pid}\n`);
    await expect(takeLock(builds)).rejects.toThrow(LockedError);
    await expect(takeLock(builds)).rejects.toThrow(`process ${child.pid}`);
    const gone = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await gone;
    const again = await takeLock(builds);
    expect(readFileSync(join(builds, 'lock'), 'utf8')).toBe(`${process.pid}\n`);
    await again();
    expect(existsSync(join(builds, 'lock'))).toBe(false);
  });
});

/** A published site of the last build and a finished next one in its build folder. */
function lastAndNext(): { out: string; work: string } {
  const out = temporaryFolder('gongkai-swap-');
  const work = join(out, '.build', 'run-1');
  for (const name of ['data', '_site']) {
    site(join(out, name), 'old');
    site(join(work, name), 'new');
  }
  return { out, work };
}

describe('the swap', () => {
  it('puts data/ and _site/ in place, the old ones into the build folder', async () => {
    const { out, work } = lastAndNext();
    await swapIn(work, out);
    expect([from(join(out, 'data')), from(join(out, '_site'))]).toEqual(['new', 'new']);
    expect([from(join(work, 'data.old')), from(join(work, '_site.old'))]).toEqual(['old', 'old']);
  });

  it('undoes what it did when a rename fails, so that both folders stay the last build’s', async () => {
    const { out, work } = lastAndNext();
    // _site cannot be moved aside: a folder of that name is in the way, and not empty.
    site(join(work, '_site.old'), 'in the way');
    await expect(swapIn(work, out)).rejects.toThrow();
    expect([from(join(out, 'data')), from(join(out, '_site'))]).toEqual(['old', 'old']);
    expect(from(join(work, 'data'))).toBe('new');
  });

  it('is finished by the next build when a build was killed between its two renames', async () => {
    const out = temporaryFolder('gongkai-swap-');
    const builds = join(out, '.build');
    const killed = join(builds, 'run-killed');
    // Killed after data/ was swapped and _site/ moved aside: no _site/ at all.
    site(join(out, 'data'), 'new');
    site(join(killed, 'data.old'), 'old');
    site(join(killed, '_site.old'), 'old');
    site(join(killed, '_site'), 'new');
    await markComplete(killed);
    // Killed before it finished: nothing of it is published.
    const unfinished = join(builds, 'run-unfinished');
    site(join(unfinished, 'data'), 'unfinished');
    site(join(unfinished, '_site'), 'unfinished');
    const left = await recoverRuns(builds, out, (name) => name.startsWith('run-'));
    expect([from(join(out, 'data')), from(join(out, '_site'))]).toEqual(['new', 'new']);
    expect(left.sort()).toEqual([killed, unfinished].sort());
  });
});
