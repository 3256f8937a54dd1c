/**
 * The bulk downloads: each year's records as JSON Lines and its table values as a tidy CSV (a row
 * per value, its labels in labels.csv and its report in reports.csv), one wide CSV per table with
 * a row per report, the indicators, the findings as CSV and JSON, a Frictionless data package
 * describing the CSV files, a README, a zip of all of it, a .gz beside every file over a few
 * kilobytes, and SHA-256 checksums. Everything is a pure function of the records, so two builds
 * give the same bytes. What each file holds is in bulk-files.ts, what the data package and the
 * README say in data-package.ts, how the files are listed in bulk-listing.ts; this module writes
 * them.
 *
 * Most files are made of one piece per report (its record, its rows) between a head and a tail,
 * written one report at a time (see BulkWriter and PieceFile), never held whole in memory. A
 * report unchanged since the previous build has the same pieces, so they are copied from that
 * build's files, and the large files' compressed segments from its zip, instead of being made
 * and compressed again: a rebuild after one new report costs that report and the copying. The
 * .gz copies are the zip's deflate data with a gzip header and trailer (gzip.ts): no compression
 * of their own.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { LABELS_FILE, LABEL_FIELDS, TABLE_FILES, YEAR_FILES, labelRows, yearFile, type PieceFileSpec, type ReportContent } from './bulk-files.ts';
import { type ChecksumEntry, type ListedFile, GZIP_FROM, sha256sums } from './bulk-listing.ts';
import { toCsv } from './csv.ts';
import type { Report } from '../schema/report.ts';
import { readManifest, type DataManifest, type ManifestFile } from './data-manifest.ts';
import { dataPackage, readme, type BulkSummary } from './data-package.ts';
import { deflateWhole } from './deflate-segments.ts';
import { GZIP_HEADER_BYTES, writeGzip } from './gzip.ts';
import { PieceFile, type WrittenFile } from './piece-file.ts';
import { writeZip, type StoredEntry } from './zip.ts';

export type { ReportContent } from './bulk-files.ts';
export type { ChecksumEntry } from './bulk-listing.ts';

const ZIP = 'gongkai-data.zip';

/** The previous build's manifest, if its bulk files are there as it says (see data-manifest.ts). */
export function previousManifest(dataFolder: string): DataManifest | null {
  return readManifest(dataFolder, ZIP, TABLE_FILES.map((spec) => spec.name));
}

/** A file made whole at the end (labels, the data package, the README), written and deflated. */
async function writtenWhole(folder: string, name: string, text: string): Promise<WrittenFile> {
  const bytes = Buffer.from(text);
  writeFileSync(join(folder, name), bytes);
  return { name, bytes: bytes.length, crc32: crc32(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), deflated: await deflateWhole(bytes) };
}

/** A bulk file being written, with what the reuse of the previous build's segments needs. */
interface OpenFile {
  spec: PieceFileSpec;
  /** The year of a year's file, null for a file of all years. */
  year: number | null;
  file: PieceFile;
  /** The digest of the last report with a piece in this file, '' while there is none. */
  last: string;
  /**
   * For each report of the previous build, the digest of the report whose piece came before its
   * piece in that build's copy of this file ('' for none): its segment was compressed after that
   * piece, and is taken only when the same piece comes before it now.
   */
  previousBefore: string[] | null;
}

/**
 * Writes the bulk files into a folder one report at a time (in id order), so that a portal of
 * ten thousand reports never holds them in memory or in one string. A report either brings its
 * content, from which its pieces are made (add), or is unchanged since the previous build, whose
 * pieces are copied from that build's files (reuse). A year's files are opened with its first
 * report. The zip is made of the large files' segments and the small files deflated whole, in a
 * scratch folder removed at the end.
 */
export class BulkWriter {
  private readonly tableFiles: OpenFile[];
  private readonly yearFiles = new Map<number, OpenFile[]>();
  private readonly summary: BulkSummary = { reports: 0, agencies: new Set(), years: [], byRule: new Map() };
  /** The previous build's bulk files and zip, open for reading. */
  private readonly previousFiles: number[] = [];
  private readonly previousZip: number | null = null;

  constructor(
    private readonly folder: string,
    private readonly scratch: string,
    private readonly previous: { folder: string; manifest: DataManifest } | null,
  ) {
    mkdirSync(scratch, { recursive: true });
    if (previous) this.previousZip = this.openPrevious(ZIP);
    this.tableFiles = TABLE_FILES.map((spec) => this.open(spec, null));
  }

  private openPrevious(name: string): number {
    const fd = openSync(join(this.previous!.folder, 'bulk', name), 'r');
    this.previousFiles.push(fd);
    return fd;
  }

  /** Opens a bulk file; the reports before it have no piece in it. */
  private open(spec: PieceFileSpec, year: number | null): OpenFile {
    const before = this.previous?.manifest.files[spec.name];
    const file = new PieceFile(
      spec.name,
      join(this.folder, spec.name),
      { ...spec, segments: spec.segmented ? join(this.scratch, `${spec.name}.deflate`) : null },
      before ? { fd: this.openPrevious(spec.name), zip: this.previousZip!, zipOffset: before.zipOffset } : null,
    );
    file.skip(this.summary.reports);
    return { spec, year, file, last: '', previousBefore: before && spec.segmented ? piecesBefore(this.previous!.manifest, before) : null };
  }

  /** The files a report has pieces in, the files of other years (which it has none in) apart. */
  private filesOf(year: number): { own: OpenFile[]; others: OpenFile[] } {
    let own = this.yearFiles.get(year);
    if (!own) {
      own = YEAR_FILES.map((spec) => this.open(yearFile(spec, year), year));
      this.yearFiles.set(year, own);
    }
    const others = [...this.yearFiles.entries()].filter(([other]) => other !== year).flatMap(([, files]) => files);
    return { own: [...this.tableFiles, ...own], others };
  }

  /** Adds a report from its content; `digest` is its digest (see data-manifest.ts). */
  async add(content: ReportContent, digest: string): Promise<void> {
    const values = new Map(content.values.map((value) => [value.path, value.value]));
    const { own, others } = this.filesOf(content.report.year);
    for (const open of own) {
      const piece = Buffer.from(open.spec.piece(content, values));
      await open.file.add(piece);
      if (piece.length > 0) open.last = digest;
    }
    for (const open of others) open.file.skip();
    this.count(content.report);
  }

  /**
   * Adds a report unchanged since the previous build, where it was report `index`: its pieces are
   * copied from that build's files, and its segments from that build's zip where the piece before
   * it in the file is the same as then (the same dictionary).
   */
  async reuse(report: Report, index: number, digest: string): Promise<void> {
    const { manifest } = this.previous!;
    const { own, others } = this.filesOf(report.year);
    for (const open of own) {
      const span = manifest.files[open.spec.name]?.pieces[index] ?? null;
      await open.file.copy(span, open.previousBefore?.[index] === open.last);
      if (span) open.last = digest;
    }
    for (const open of others) open.file.skip();
    this.count(report);
  }

  private count(report: Report): void {
    for (const finding of report.findings) this.summary.byRule.set(finding.rule, (this.summary.byRule.get(finding.rule) ?? 0) + 1);
    this.summary.reports++;
    this.summary.agencies.add(report.agency.slug);
    this.summary.years.push(report.year);
  }

  /**
   * Writes the tails, labels.csv, the data package, the README, the .gz copies, the zip and
   * SHA256SUMS; returns every file's size and checksum, and what the manifest keeps of the piece
   * files for the next build.
   */
  async finish(): Promise<{ checksums: ChecksumEntry[]; files: Record<string, ManifestFile>; zipBytes: number }> {
    const years = [...this.yearFiles.keys()].sort((a, b) => a - b);
    const pieceFiles = [...this.tableFiles, ...years.flatMap((year) => this.yearFiles.get(year)!)];
    const listed: ListedFile[] = [];
    /** The zip's entries, in order. */
    const written: Array<WrittenFile | StoredEntry> = [];
    /** For each file, its size, its entry in the zip and where its deflate data starts in that entry. */
    const inZip = new Map<string, { bytes: number; entry: number; skip: number }>();
    const add = (file: WrittenFile, info: Omit<ListedFile, 'bytes' | 'sha256' | 'gzip' | 'compressedOnly'>, compressedOnly = false) => {
      const name = `${file.name}.gz`;
      const gzip = file.bytes >= GZIP_FROM || compressedOnly ? writeGzip(join(this.folder, name), file) : null;
      // A file the portal publishes only compressed is in the zip as the portal has it, its .gz
      // stored: the data package's paths then name the same files in the zip and on the portal.
      inZip.set(file.name, { bytes: file.bytes, entry: written.length, skip: compressedOnly ? GZIP_HEADER_BYTES : 0 });
      written.push(compressedOnly ? { name, crc32: gzip!.crc32, bytes: gzip!.bytes, stored: join(this.folder, name) } : file);
      listed.push({ ...info, bytes: file.bytes, sha256: file.sha256, gzip: gzip && { name, bytes: gzip.bytes, sha256: gzip.sha256 }, compressedOnly });
    };
    for (const { spec, year, file } of pieceFiles) {
      add(await file.finish(), { name: spec.name, title: spec.title, description: spec.description, group: year === null ? 'tables' : 'years', year }, spec.compressedOnly === true);
      if (spec.name === 'reports.csv') {
        const labels = await writtenWhole(this.folder, LABELS_FILE.name, toCsv(LABEL_FIELDS.map((field) => field.name), labelRows()));
        add(labels, { ...LABELS_FILE, group: 'tables', year: null });
      }
    }
    for (const fd of this.previousFiles) closeSync(fd);
    const descriptor = dataPackage(this.summary.reports, years, new Map(listed.map((file) => [file.name, file])));
    add(await writtenWhole(this.folder, 'datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`), {
      name: 'datapackage.json',
      title: '数据包描述（Frictionless）',
      description: 'Frictionless data package: the CSV files’ fields, types, units, keys and joins',
      group: 'about',
      year: null,
    });
    add(await writtenWhole(this.folder, 'README.md', readme(this.summary, listed)), {
      name: 'README.md',
      title: '说明',
      description: 'What the data is, where it comes from, how the files join, how to cite it, what is known to be inconsistent',
      group: 'about',
      year: null,
    });
    const zip = writeZip(join(this.folder, ZIP), written);
    rmSync(this.scratch, { recursive: true, force: true });
    const checksums: ChecksumEntry[] = [
      ...listed,
      {
        name: ZIP,
        title: '全部数据（zip）',
        description: 'All of the files above in one archive, as the portal publishes them: those published only compressed as their .gz, the others plain and without their .gz copies',
        group: 'all',
        year: null,
        bytes: zip.bytes,
        sha256: zip.sha256,
        gzip: null,
        compressedOnly: false,
      },
    ];
    writeFileSync(join(this.folder, 'SHA256SUMS'), sha256sums(checksums));
    const files: Record<string, ManifestFile> = {};
    pieceFiles.forEach(({ spec, file }) => {
      const { bytes, entry, skip } = inZip.get(spec.name)!;
      files[spec.name] = { bytes, zipOffset: zip.dataOffsets[entry]! + skip, pieces: file.pieces };
    });
    return { checksums, files, zipBytes: zip.bytes };
  }
}

/** For each report of a manifest, the digest of the report whose piece comes before its own in a file ('' for none). */
function piecesBefore(manifest: DataManifest, file: ManifestFile): string[] {
  let last = '';
  return manifest.reports.map(({ digest }, n) => {
    const before = last;
    if (file.pieces[n]) last = digest;
    return before;
  });
}
