/**
 * The .gz copy of a bulk file, made from the deflate data its zip entry already has (RFC 1952):
 * a gzip member is a ten-byte header, a raw deflate stream and a trailer of the data's CRC-32 and
 * size, all three of which the build has computed as it wrote the file (see piece-file.ts). So
 * the copies cost no compression of their own, and a rebuild makes them from the segments it took
 * from the previous zip like the zip itself.
 *
 * Two builds give the same bytes: the header holds no time (MTIME 0), no file name (FLG 0), no
 * compression hint (XFL 0) and says Unix (OS 3), as `gzip -n` writes on Linux.
 */
import { CountedOutput, type ZipEntry } from './zip.ts';

/** ID1 ID2, CM 8 (deflate), FLG 0, MTIME 0, XFL 0, OS 3 (Unix). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

/** Where the deflate data starts in a .gz copy: after its header. */
export const GZIP_HEADER_BYTES = HEADER.length;

export interface WrittenGzip {
  bytes: number;
  sha256: string;
  /** The .gz file's own CRC-32 (for the zip that stores it). */
  crc32: number;
}

/** Writes `destination` as one gzip member of the entry's deflate data; its size, SHA-256 and CRC-32 as written. */
export function writeGzip(destination: string, entry: ZipEntry): WrittenGzip {
  const out = new CountedOutput(destination);
  try {
    out.write(HEADER);
    out.writeDeflated(entry);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(entry.crc32 >>> 0, 0);
    // ISIZE: the size modulo 2^32, as RFC 1952 has it.
    trailer.writeUInt32LE(entry.bytes % 2 ** 32, 4);
    out.write(trailer);
    return out.written();
  } finally {
    out.close();
  }
}
