/**
 * A zip archive of entries that are already deflated: each entry's raw deflate data (in memory
 * or in a file), its CRC-32 and size are given (or a compressed file to store as it is), and
 * this writes the structure around them as APPNOTE.TXT (6.3.10) lays it out: a local file header
 * before each entry's data, then the central directory and its end record. Written here because
 * no maintained zip library takes data compressed elsewhere (yazl, which wrote the zip before,
 * deflates every entry itself), and the bulk files' compressed segments are reused from one
 * build to the next (see deflate-segments.ts).
 *
 * Two builds of the same files give the same bytes in every time zone: every entry is dated
 * 2000-01-01 00:00 in the DOS fields only, with no extended timestamp field (which would hold
 * UTC seconds). No ZIP64: an archive or an entry of 4 GiB or more is refused (measured at 1,000
 * reports, the zip is ~7.5 KB a report and its largest entry a year's records, ~40 KB a record:
 * half a million reports, or a hundred thousand in one year, away).
 *
 * The archive's SHA-256 is computed while it is written, so it is never read back.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  /** The name in the archive (ASCII here; flagged as UTF-8 all the same). */
  name: string;
  /** The uncompressed data's CRC-32 and size. */
  crc32: number;
  bytes: number;
  /** The raw deflate data, or the path of a file that holds it. */
  deflated: Buffer | string;
}

/**
 * A file put in the archive as it is (method 0, stored): a file compressed already, such as a .gz
 * copy, which deflate would only make larger.
 */
export interface StoredEntry {
  name: string;
  /** The file's own CRC-32 and size. */
  crc32: number;
  bytes: number;
  /** The path of the file. */
  stored: string;
}

export interface WrittenZip {
  bytes: number;
  sha256: string;
  /** Where each entry's deflate data starts in the archive, in the order given. */
  dataOffsets: number[];
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate. */
const VERSION_NEEDED = 20;
/** Made by Unix (3) at version 2.0, so that the external attributes hold a Unix mode. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Bit 11: the name is UTF-8. */
const FLAGS = 0x0800;
const STORE = 0;
const DEFLATE = 8;
/** DOS time 00:00:00 and date 2000-01-01: (2000 − 1980) << 9 | 1 << 5 | 1. */
const DOS_TIME = 0;
const DOS_DATE = (20 << 9) | (1 << 5) | 1;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const LIMIT = 0xffffffff;
const CHUNK = 1024 * 1024;

/** The fields that the local header and the central directory share, from "version needed" on. */
function commonFields(entry: ZipEntry | StoredEntry, compressedSize: number, name: Buffer): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(VERSION_NEEDED, 0);
  fields.writeUInt16LE(FLAGS, 2);
  fields.writeUInt16LE('stored' in entry ? STORE : DEFLATE, 4);
  fields.writeUInt16LE(DOS_TIME, 6);
  fields.writeUInt16LE(DOS_DATE, 8);
  fields.writeUInt32LE(entry.crc32 >>> 0, 10);
  fields.writeUInt32LE(compressedSize, 14);
  fields.writeUInt32LE(entry.bytes, 18);
  fields.writeUInt16LE(name.length, 22);
  fields.writeUInt16LE(0, 24); // extra field length
  return fields;
}

function signature(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}

export function writeZip(destination: string, entries: ReadonlyArray<ZipEntry | StoredEntry>): WrittenZip {
  const out = new CountedOutput(destination);
  const write = out.write;
  try {
    const central: Buffer[] = [];
    const dataOffsets: number[] = [];
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const compressedSize = 'stored' in entry ? entry.bytes : typeof entry.deflated === 'string' ? statSync(entry.deflated).size : entry.deflated.length;
      if (entry.bytes >= LIMIT || compressedSize >= LIMIT || out.bytes >= LIMIT) throw new Error(`${entry.name}: the zip would need ZIP64`);
      const fields = commonFields(entry, compressedSize, name);
      const tail = Buffer.alloc(14);
      tail.writeUInt16LE(0, 0); // file comment length
      tail.writeUInt16LE(0, 2); // disk number start
      tail.writeUInt16LE(0, 4); // internal file attributes
      tail.writeUInt32LE(EXTERNAL_ATTRIBUTES, 6);
      tail.writeUInt32LE(out.bytes, 10); // relative offset of the local header
      const madeBy = Buffer.alloc(2);
      madeBy.writeUInt16LE(VERSION_MADE_BY, 0);
      central.push(signature(CENTRAL_HEADER), madeBy, fields, tail, name);
      write(Buffer.concat([signature(LOCAL_HEADER), fields, name]));
      dataOffsets.push(out.bytes);
      out.writeDeflated('stored' in entry ? { deflated: entry.stored } : entry);
    }
    const directory = Buffer.concat(central);
    if (entries.length >= 0xffff || out.bytes + directory.length >= LIMIT) throw new Error('the zip would need ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(0, 4); // this disk
    end.writeUInt16LE(0, 6); // the disk where the central directory starts
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(out.bytes, 16);
    end.writeUInt16LE(0, 20); // comment length
    write(directory);
    write(end);
    return { ...out.written(), dataOffsets };
  } finally {
    out.close();
  }
}

/**
 * A file written from its start, its size, SHA-256 and CRC-32 counted as it is written (never
 * read back): the zip, and the .gz copies made of the same deflate data (gzip.ts).
 */
export class CountedOutput {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private crc = 0;
  /** Bytes written so far: where the next write goes. */
  bytes = 0;

  constructor(destination: string) {
    this.fd = openSync(destination, 'w');
  }

  readonly write = (chunk: Buffer): void => {
    for (let done = 0; done < chunk.length; ) done += writeSync(this.fd, chunk, done);
    this.hash.update(chunk);
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
  };

  /** An entry's deflate data, from memory or from the file it is kept in (a megabyte at a time). */
  writeDeflated(entry: Pick<ZipEntry, 'deflated'>): void {
    if (typeof entry.deflated !== 'string') return this.write(entry.deflated);
    const fd = openSync(entry.deflated, 'r');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (let read; (read = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) this.write(buffer.subarray(0, read));
    } finally {
      closeSync(fd);
    }
  }

  /** The size, SHA-256 and CRC-32 of what was written (once, at the end). */
  written(): { bytes: number; sha256: string; crc32: number } {
    return { bytes: this.bytes, sha256: this.hash.digest('hex'), crc32: this.crc };
  }

  close(): void {
    closeSync(this.fd);
  }
}
