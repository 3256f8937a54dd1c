/**
 * Each report file's SHA-256, remembered with what `stat` said of the file when it was read, as
 * git's index does: a file whose size, modification and change times and inode are all as they
 * were has the same bytes, and is not read and hashed again. At 10,000 reports that is 750 MB a
 * rebuild does not read (~5 s here), to find the one file that changed.
 *
 * A hash is trusted only when the file had not been modified for two seconds when it was read:
 * a file written again within the same tick of the clock, right after it was read, would keep its
 * times (git's "racily clean" entries). Such a file is read and hashed every time until it is old
 * enough. The list is kept in the cache's folder for this code (cache.ts), replaced whole (a
 * rename) once the ingest has read every file, and ignored if it is not what this code wrote;
 * without the cache (--fresh) every file is read.
 */
import { readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from './write-atomically.ts';

/** The list's file in the cache's folder. */
const FILE = 'file-hashes.json';

/** How long a file must have been left alone when read before its hash is kept (see above). */
const SETTLED_MS = 2000;

interface Seen {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
}

const sameFile = (seen: Seen, stats: Stats) =>
  seen.size === stats.size && seen.mtimeMs === stats.mtimeMs && seen.ctimeMs === stats.ctimeMs && seen.ino === stats.ino;

export class FileHashes {
  private readonly path: string | null;
  private readonly before = new Map<string, Seen>();
  private readonly now = new Map<string, Seen>();

  /** `folder` is the ingest cache's folder for this code; null keeps nothing. */
  constructor(folder: string | null) {
    this.path = folder === null ? null : join(folder, FILE);
    if (!this.path) return;
    try {
      const stored = JSON.parse(readFileSync(this.path, 'utf8')) as { version?: number; files?: Record<string, Seen> };
      if (stored.version !== 1 || typeof stored.files !== 'object' || stored.files === null) return;
      for (const [name, seen] of Object.entries(stored.files)) {
        if (typeof seen?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(seen.sha256)) this.before.set(name, seen);
      }
    } catch {
      // None yet, or not readable: every file is read.
    }
  }

  /** The file's SHA-256 if it is unchanged since it was hashed, else undefined. */
  known(name: string, stats: Stats): string | undefined {
    const seen = this.before.get(name);
    if (!seen || !sameFile(seen, stats)) return undefined;
    this.now.set(name, seen);
    return seen.sha256;
  }

  /** Keeps the hash of a file just read, if it had settled when it was read (see above). */
  remember(name: string, stats: Stats, sha256: string, readAt: number): void {
    if (readAt - stats.mtimeMs < SETTLED_MS || readAt - stats.ctimeMs < SETTLED_MS) return;
    this.now.set(name, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, sha256 });
  }

  /** Writes the list of this run's files (a removed file goes); never an error. */
  save(): void {
    if (!this.path) return;
    writeAtomically(this.path, JSON.stringify({ version: 1, files: Object.fromEntries(this.now) }));
  }
}
