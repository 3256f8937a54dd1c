/**
 * One bulk file written a report's piece at a time: a head, the pieces (with a separator between
 * two that are not empty, as between the items of a JSON array), a tail. Its size, SHA-256 and
 * CRC-32 are computed as it is written, so that it is never read back.
 *
 * A piece is either made afresh (add) or copied from the previous build's copy of the file
 * (copy). Copied pieces that lay next to each other there are copied as one range, a megabyte at
 * a time, so that a rebuild copies a file in a few reads and writes rather than one per report.
 *
 * A large file is also compressed a piece at a time (`segments`: the file its deflate segments go
 * to, see deflate-segments.ts), and a copied piece takes its segment from the previous build's zip
 * when that build compressed it after the same bytes; the zip is then made of these segments. A
 * small file is deflated whole once it is written.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { PieceSpan } from './data-manifest.ts';
import { FINAL_BLOCK, deflateSegment, deflateWhole } from './deflate-segments.ts';
import type { ZipEntry } from './zip.ts';

export interface PieceFileOptions {
  head: string;
  separator: string;
  /** The tail, given whether any piece was written. */
  tail: (anyPiece: boolean) => string;
  /** The file the deflate segments go to, or null to deflate the whole file at the end. */
  segments: string | null;
}

/** The previous build's copy of the file and its zip, open for reading. */
export interface PreviousFile {
  fd: number;
  zip: number;
  /** Where the file's deflate data starts in that zip. */
  zipOffset: number;
}

export interface WrittenFile extends ZipEntry {
  sha256: string;
}

/** Segments compressing at a time, per file: enough to keep a second core busy, few enough to hold. */
const IN_FLIGHT = 4;

/** The window of deflate: the most of one segment that the next one's dictionary holds. */
const WINDOW = 32 * 1024;

const CHUNK = 1024 * 1024;
/** The buffer ranges are copied through (used synchronously only). */
const scratch = Buffer.allocUnsafe(CHUNK);

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

function readRange(fd: number, position: number, length: number, into: Buffer = Buffer.allocUnsafe(length)): Buffer {
  for (let done = 0; done < length; ) {
    const read = readSync(fd, into, done, length - done, position + done);
    if (read === 0) throw new Error('a bulk file of the previous build is shorter than its manifest says');
    done += read;
  }
  return into.subarray(0, length);
}

/** Passes bytes [from, to) of a file to `use`, a chunk at a time. */
function eachChunk(fd: number, from: number, to: number, use: (chunk: Buffer) => void): void {
  for (let at = from; at < to; at += CHUNK) use(readRange(fd, at, Math.min(CHUNK, to - at), scratch));
}

/** Pieces copied as one range: [from, to) in the previous file, [zipFrom, zipTo) in its segments. */
interface CopiedRun {
  from: number;
  to: number;
  zipFrom: number;
  zipTo: number;
  /** The separator written before the range (the one before its first piece). */
  separator: Buffer;
  /** Each piece's place in `pieces` and its span in the previous file. */
  pieces: Array<{ index: number; span: PieceSpan }>;
}

/** What goes into the segments file, in order: a segment being compressed, or a run's segments. */
type Pending = { segment: Promise<Buffer>; index: number } | { run: CopiedRun };

export class PieceFile {
  /** Where each report's piece is (one entry per report, null for an empty piece), for the manifest. */
  readonly pieces: Array<PieceSpan | null> = [];
  private readonly fd: number;
  private readonly segmentsFd: number | null;
  private readonly hash: Hash = createHash('sha256');
  private readonly separator: Buffer;
  private crc = 0;
  private bytes = 0;
  private segmentBytes = 0;
  private anyPiece = false;
  /** The uncompressed bytes of the last segment: the next one's dictionary. */
  private before: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private run: CopiedRun | null = null;

  constructor(
    readonly name: string,
    private readonly path: string,
    private readonly options: PieceFileOptions,
    private readonly previous: PreviousFile | null,
  ) {
    this.fd = openSync(path, 'w');
    this.segmentsFd = options.segments === null ? null : openSync(options.segments, 'w');
    this.separator = Buffer.from(options.separator);
    this.append(Buffer.from(options.head), -1);
  }

  /** Adds a report's piece, made afresh (without its separator). */
  async add(body: Buffer): Promise<void> {
    this.endRun();
    if (body.length === 0) {
      this.pieces.push(null);
      return;
    }
    const separator = this.nextSeparator();
    this.pieces.push([this.bytes + separator.length, body.length]);
    this.append(separator.length > 0 ? Buffer.concat([separator, body]) : body, this.pieces.length - 1);
    while (this.pending.length > IN_FLIGHT) await this.writeOldestSegment();
  }

  /** Adds reports that have no piece in this file (those of other years), leaving a run of copied pieces open. */
  skip(count = 1): void {
    for (let n = 0; n < count; n++) this.pieces.push(null);
  }

  /**
   * Adds a report's piece as the previous build wrote it, at `span` in its file (null: the report
   * had none). `sameBefore`: that build wrote the same piece before it (or none before either),
   * so that the separator before it and its segment's dictionary are the same now, and its
   * segment is taken too; otherwise a segmented file compresses the piece again.
   */
  async copy(span: PieceSpan | null, sameBefore: boolean): Promise<void> {
    if (!span) return this.skip();
    const previous = this.previous!;
    if (this.segmentsFd !== null && !(sameBefore && span.length === 4)) return this.add(readRange(previous.fd, span[0], span[1]));
    // Next to the run's last piece in the previous file: nothing but a separator between them
    // (another piece there would have brought a separator of its own and at least one byte).
    const [offset, length, zipOffset = 0, zipLength = 0] = span;
    const run = this.run;
    if (run && offset === run.to + this.separator.length && zipOffset === run.zipTo) {
      run.to = offset + length;
      run.zipTo = zipOffset + zipLength;
    } else {
      this.endRun();
      this.run = { from: offset, to: offset + length, zipFrom: zipOffset, zipTo: zipOffset + zipLength, separator: this.nextSeparator(), pieces: [] };
    }
    // Its place here is known once the run is written (endRun).
    this.run!.pieces.push({ index: this.pieces.length, span });
    this.pieces.push(span);
  }

  /** Writes the tail and closes the file; returns what the zip and the checksums need. */
  async finish(): Promise<WrittenFile> {
    this.endRun();
    this.append(Buffer.from(this.options.tail(this.anyPiece)), -1);
    closeSync(this.fd);
    let deflated: Buffer | string;
    if (this.segmentsFd === null) {
      deflated = await deflateWhole(readFileSync(this.path));
    } else {
      while (this.pending.length > 0) await this.writeOldestSegment();
      writeAll(this.segmentsFd, FINAL_BLOCK);
      closeSync(this.segmentsFd);
      deflated = this.options.segments!;
    }
    return { name: this.name, bytes: this.bytes, crc32: this.crc, sha256: this.hash.digest('hex'), deflated };
  }

  private nextSeparator(): Buffer {
    const separator = this.anyPiece ? this.separator : Buffer.alloc(0);
    this.anyPiece = true;
    return separator;
  }

  /** Writes bytes to the file and counts them into its size and checksums. */
  private write(bytes: Buffer): void {
    writeAll(this.fd, bytes);
    this.hash.update(bytes);
    this.crc = crc32(bytes, this.crc);
    this.bytes += bytes.length;
  }

  /** Writes one segment's bytes (a piece with its separator, or the head or the tail: index −1) and compresses them. */
  private append(bytes: Buffer, index: number): void {
    this.write(bytes);
    if (this.segmentsFd === null || bytes.length === 0) return;
    this.pending.push({ segment: deflateSegment(bytes, this.before), index });
    this.before = bytes;
  }

  /** Copies the run of copied pieces, if any, into the file; its segments follow in order. */
  private endRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    const { fd } = this.previous!;
    this.write(run.separator);
    const start = this.bytes;
    eachChunk(fd, run.from, run.to, (chunk) => this.write(chunk));
    for (const { index, span } of run.pieces) this.pieces[index] = [start + span[0] - run.from, span[1]];
    if (this.segmentsFd === null) return;
    this.pending.push({ run });
    // The last piece with its separator (none only if it is the file's first piece, which is then
    // its run's first), as the next segment's dictionary.
    const [offset, length] = run.pieces.at(-1)!.span;
    const separator = run.pieces.length > 1 ? this.separator.length : run.separator.length;
    const from = Math.max(offset - separator, offset + length - WINDOW);
    this.before = readRange(fd, from, offset + length - from);
  }

  private async writeOldestSegment(): Promise<void> {
    const next = this.pending.shift()!;
    const segmentsFd = this.segmentsFd!;
    if ('run' in next) {
      const { run } = next;
      const { zip, zipOffset } = this.previous!;
      for (const { index, span } of run.pieces) {
        this.pieces[index] = [this.pieces[index]![0], span[1], this.segmentBytes + span[2]! - run.zipFrom, span[3]!];
      }
      eachChunk(zip, zipOffset + run.zipFrom, zipOffset + run.zipTo, (chunk) => writeAll(segmentsFd, chunk));
      this.segmentBytes += run.zipTo - run.zipFrom;
      return;
    }
    const bytes = await next.segment;
    writeAll(segmentsFd, bytes);
    if (next.index >= 0) {
      const [offset, length] = this.pieces[next.index]!;
      this.pieces[next.index] = [offset, length, this.segmentBytes, bytes.length];
    }
    this.segmentBytes += bytes.length;
  }
}
