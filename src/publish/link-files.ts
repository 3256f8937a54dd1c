/**
 * Hard links to published files, or copies where a link cannot be made (another file system):
 * the downloads (several files per report) go into the site this way, and a report unchanged
 * since the previous build keeps that build's files. Eleventy's passthrough
 * copy streams each of these thousands of files through its own copier, which took longer than
 * rendering the report pages; a link costs one system call. The data files are never changed in
 * place (every build ingests into a new folder), so the linked files stay what was published.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, unlink, copyFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** One file: a hard link, replacing what an earlier build left at `to`; a copy if linking fails. */
export function linkOrCopyFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      unlinkSync(to);
      linkOrCopyFile(from, to);
    } else {
      copyFileSync(from, to);
    }
  }
}

/** Puts each of many files in its place with `put`, creating each folder once. */
function intoFolders<T>(pairs: Iterable<readonly [T, to: string]>, put: (what: T, to: string) => void): void {
  const made = new Set<string>();
  for (const [what, to] of pairs) {
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    put(what, to);
  }
}

/** Many files, each to its place; each folder is created once. */
export function linkFiles(pairs: Iterable<readonly [from: string, to: string]>): void {
  intoFolders(pairs, linkOrCopyFile);
}

/** What linkOrCopyFile does, in libuv's thread pool. */
async function linkOrCopyFileAsync(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      await unlink(to);
      await linkOrCopyFileAsync(from, to);
    } else {
      await copyFile(from, to);
    }
  }
}

/**
 * What linkFiles does, in libuv's thread pool, `inFlight` files at a time: the main thread is
 * free meanwhile (a build links the unchanged pages while Eleventy renders the others), and the
 * file system's calls overlap. Each folder is created once, before the files that go into it.
 */
export async function linkFilesAsync(pairs: ReadonlyArray<readonly [from: string, to: string]>, inFlight = 16): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure the others stop too.
    while (!failed && next < pairs.length) {
      const [from, to] = pairs[next++]!;
      const folder = dirname(to);
      let made = folders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        folders.set(folder, made);
      }
      try {
        await made;
        await linkOrCopyFileAsync(from, to);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Settled when every worker has stopped, so that nothing is written after a failure is reported.
  const ends = await Promise.allSettled(Array.from({ length: Math.min(inFlight, pairs.length) }, worker));
  const failure = ends.find((end): end is PromiseRejectedResult => end.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Many texts, each written to its place; each folder is created once. */
export function writeFiles(pairs: Iterable<readonly [text: string, to: string]>): void {
  intoFolders(pairs, (text, to) => writeFileSync(to, text));
}

/** Every file under `from` (those whose name `keep` accepts) at the same place under `to`; folders are created as needed. */
export function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, keep);
    else if (keep(entry.name)) linkOrCopyFile(source, target);
  }
}

/**
 * A file, or every file under a folder, copied to `to` (folders created as needed). For the few
 * files of the project's own that go into the site (its stylesheet and scripts): copied, not
 * linked, since a file of the project may be edited in place.
 */
export function copyTree(from: string, to: string): void {
  if (!statSync(from).isDirectory()) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) copyTree(join(from, entry), join(to, entry));
}

/** Every file under `folder` (none if it is not there), as paths relative to it, sorted. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}
