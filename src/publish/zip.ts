/**
 * A zip archive of files in memory, with yazl (deflate by Node's own zlib, in its thread pool).
 *
 * Two builds of the same files give the same bytes in every time zone: each entry's date is
 * 2000-01-01 00:00 written only in the DOS fields (which hold local time, so the date is made from
 * local fields), without the extended timestamp field that holds UTC seconds.
 */
import { ZipFile } from 'yazl';

export async function zipFiles(files: ReadonlyArray<{ name: string; content: Uint8Array }>): Promise<Uint8Array> {
  const zip = new ZipFile();
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  for (const file of files) {
    zip.addBuffer(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength), file.name, {
      mtime,
      mode: 0o100644,
      compressionLevel: 9,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
