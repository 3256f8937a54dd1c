/**
 * What a zip file (a .docx is one) says its entries expand to, read from its central directory
 * without expanding anything: a 600-KB Word file whose XML expands to 200 MB would take mammoth
 * past 4 GB of memory. Returns null when the file has no readable central directory (mammoth
 * then says what is wrong with it).
 */
export interface ZipSizes {
  entries: number;
  /** Sum of the entries' uncompressed sizes, in bytes (Infinity for a ZIP64 entry). */
  total: number;
  largest: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

export function zipSizes(bytes: Uint8Array): ZipSizes | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, or before a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  let largest = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const declared = view.getUint32(at + 24, true);
    const size = declared === 0xffffffff ? Number.POSITIVE_INFINITY : declared;
    total += size;
    largest = Math.max(largest, size);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries: count, total, largest };
}
