/**
 * A zip archive of files on disk, with yazl (deflate by Node's own zlib in its thread pool; the
 * files are streamed, never held in memory whole).
 *
 * Two builds of the same files give the same bytes in every time zone: each entry's date is
 * 2000-01-01 00:00 written only in the DOS fields (which hold local time, so the date is made from
 * local fields), without the extended timestamp field that holds UTC seconds.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export async function zipFolderFiles(folder: string, names: readonly string[], destination: string): Promise<void> {
  const zip = new ZipFile();
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  for (const name of names) {
    zip.addFile(join(folder, name), name, { mtime, mode: 0o100644, compressionLevel: 6, forceDosTimestamp: true });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(destination));
}
