/**
 * Writing a file whole or not at all: to a partial file of this process, then renamed into place.
 * A rename is atomic, so a reader (another build, a worker) sees the whole file or none.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `content` to `path`; false, leaving nothing behind, where it cannot be written. */
export function writeAtomically(path: string, content: string | Uint8Array): boolean {
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
}
