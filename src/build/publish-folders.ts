/**
 * Putting a finished build in place, safely against the faults a build meets: another build
 * writing to the same place, a build killed half way, a folder that cannot be replaced.
 *
 * - One build at a time: `.build/lock` holds the process id of the build that writes there. A
 *   second build stops and says which process has it; a lock whose process is gone (killed) is
 *   taken over.
 * - The swap is journalled: a build marks its folder `complete` before it renames data/ and
 *   _site/ into place (two renames, microseconds apart). A build killed between them leaves that
 *   mark, and the next build finishes the swap before anything else, so the two folders are never
 *   left from different builds, nor _site/ missing, past the next build. A build killed before
 *   the mark left nothing published, and its folder is removed.
 * - A rename that fails (a read-only _site) undoes the renames before it: data/ and _site/ stay
 *   the last build's together, and the build says why.
 *
 * Why not a symlink swapped by one rename: _site/ would become a link into .build/, and the
 * deploy scripts editors use (cp -r, scp -r, a web server's root) copy or refuse a link rather
 * than the site. The journal gives the same outcome without changing what _site/ is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a build publishes, in the order it is swapped in. */
export const PUBLISHED = ['data', '_site'] as const;
/** The mark of a build folder whose every step finished. */
const COMPLETE = 'complete';
const LOCK = 'lock';

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `.build/lock` in `builds`; returns its release. A lock of a process that is gone is taken over. */
export async function takeLock(builds: string): Promise<() => Promise<void>> {
  const path = join(builds, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new LockedError(`another build (process ${holder}) is writing to ${builds}: wait for it to finish; the site is left as it is`);
      }
      // The build that held it was killed: its lock is stale.
      await rm(path, { force: true });
    }
  }
  throw new LockedError(`could not take the build lock ${path}`);
}

/** Marks a build folder as finished: from here on, its swap is to be completed if cut short. */
export async function markComplete(work: string): Promise<void> {
  await writeFile(join(work, COMPLETE), `${new Date(0).toISOString()}\n`);
}

/**
 * Renames the build's data/ and _site/ into `out`, each old one into the build folder. If a rename
 * fails, the ones done are undone and the error is thrown: the last site stays whole.
 */
export async function swapIn(work: string, out: string): Promise<void> {
  const done: Array<{ target: string; fresh: string; old: string; hadOld: boolean }> = [];
  try {
    for (const name of PUBLISHED) {
      const step = { target: join(out, name), fresh: join(work, name), old: join(work, `${name}.old`), hadOld: false };
      if (!existsSync(step.fresh)) continue;
      if (existsSync(step.target)) {
        await rename(step.target, step.old);
        step.hadOld = true;
      }
      done.push(step);
      await rename(step.fresh, step.target);
    }
  } catch (error) {
    for (const step of done.reverse()) {
      if (!existsSync(step.fresh) && existsSync(step.target)) await rename(step.target, step.fresh).catch(() => undefined);
      if (step.hadOld && !existsSync(step.target)) await rename(step.old, step.target).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * What builds killed before left in `builds` (the lock held): a finished build's swap is
 * completed, so that data/ and _site/ are its own; an unfinished one's folder is only removed.
 * Returns the folders to remove.
 */
export async function recoverRuns(builds: string, out: string, isRun: (name: string) => boolean): Promise<string[]> {
  const left: string[] = [];
  for (const name of (await readdir(builds)).filter(isRun).sort()) {
    const run = join(builds, name);
    if (existsSync(join(run, COMPLETE)) && PUBLISHED.some((folder) => existsSync(join(run, folder)))) await swapIn(run, out);
    left.push(run);
  }
  return left;
}
