/**
 * The bulk downloads: every report in one JSON file and as JSON Lines, one tidy CSV with a row
 * per table value, one wide CSV per table with a row per report, the findings as CSV and JSON, a
 * Frictionless data package describing the CSV files, a README, a zip of all of it, and SHA-256
 * checksums. Everything is a pure function of the records, so two builds give the same bytes.
 * What each file holds is in bulk-files.ts, what the data package and the README say in
 * data-package.ts; this module writes them.
 *
 * Most files are made of one piece per report (its record, its rows) between a head and a tail,
 * written one report at a time (see BulkWriter and PieceFile), never held whole in memory. A
 * report unchanged since the previous build has the same pieces, so they are copied from that
 * build's files, and the large files' compressed segments from its zip, instead of being made
 * and compressed again: a rebuild after one new report costs that report and the copying.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PIECE_FILES, type FileInfo, type PieceFileSpec, type ReportContent } from './bulk-files.ts';
import type { Report } from '../schema/report.ts';
import { readManifest, type DataManifest, type ManifestFile } from './data-manifest.ts';
import { dataPackage, readme, type BulkSummary } from './data-package.ts';
import { deflateWhole } from './deflate-segments.ts';
import { PieceFile, type WrittenFile } from './piece-file.ts';
import { writeZip } from './zip.ts';

export type { ReportContent } from './bulk-files.ts';

export interface ChecksumEntry {
  name: string;
  title: string;
  description: string;
  bytes: number;
  sha256: string;
}

const ZIP = 'gongkai-data.zip';

/** The previous build's manifest, if its bulk files are there as it says (see data-manifest.ts). */
export function previousManifest(dataFolder: string): DataManifest | null {
  return readManifest(dataFolder, ZIP, PIECE_FILES.map((spec) => spec.name));
}

/** A file made whole at the end (the data package, the README), written and deflated. */
async function writtenWhole(folder: string, name: string, text: string): Promise<WrittenFile> {
  const bytes = Buffer.from(text);
  writeFileSync(join(folder, name), bytes);
  return { name, bytes: bytes.length, crc32: crc32(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), deflated: await deflateWhole(bytes) };
}

/**
 * Writes the bulk files into a folder one report at a time (in id order), so that a portal of
 * ten thousand reports never holds them in memory or in one string. A report either brings its
 * content, from which its pieces are made (add), or is unchanged since the previous build, whose
 * pieces are copied from that build's files (reuse). The zip is made of the large files'
 * segments and the small files deflated whole, in a scratch folder removed at the end.
 */
export class BulkWriter {
  private readonly files: Array<{ spec: PieceFileSpec; file: PieceFile }>;
  private readonly summary: BulkSummary = { reports: 0, agencies: new Set(), years: [], byRule: new Map() };
  /** The previous build's bulk files and zip, open for reading. */
  private readonly previousFiles: number[] = [];

  constructor(
    private readonly folder: string,
    private readonly scratch: string,
    private readonly previous: { folder: string; manifest: DataManifest } | null,
  ) {
    mkdirSync(scratch, { recursive: true });
    const open = (name: string) => {
      const fd = openSync(join(previous!.folder, 'bulk', name), 'r');
      this.previousFiles.push(fd);
      return fd;
    };
    const zip = previous && open(ZIP);
    this.files = PIECE_FILES.map((spec) => ({
      spec,
      file: new PieceFile(
        spec.name,
        join(folder, spec.name),
        { ...spec, segments: spec.segmented ? join(scratch, `${spec.name}.deflate`) : null },
        previous && { fd: open(spec.name), zip: zip!, zipOffset: previous.manifest.files[spec.name]!.zipOffset },
      ),
    }));
  }

  /** Adds a report from its content. */
  async add(content: ReportContent): Promise<void> {
    const values = new Map(content.values.map((value) => [value.path, value.value]));
    for (const { spec, file } of this.files) await file.add(Buffer.from(spec.piece(content, values)));
    this.count(content.report);
  }

  /**
   * Adds a report unchanged since the previous build, where it was report `index`: its pieces are
   * copied from that build's files, and its segments from that build's zip when `sameBefore`
   * (the report before it then is the report before it now, unchanged: the same dictionary).
   */
  async reuse(report: Report, index: number, sameBefore: boolean): Promise<void> {
    const { manifest } = this.previous!;
    for (const { spec, file } of this.files) await file.copy(manifest.files[spec.name]!.pieces[index] ?? null, sameBefore);
    this.count(report);
  }

  private count(report: Report): void {
    for (const finding of report.findings) this.summary.byRule.set(finding.rule, (this.summary.byRule.get(finding.rule) ?? 0) + 1);
    this.summary.reports++;
    this.summary.agencies.add(report.agency.slug);
    this.summary.years.push(report.year);
  }

  /**
   * Writes the tails, the data package, the README, the zip and SHA256SUMS; returns every file's
   * size and checksum, and what the manifest keeps of the piece files for the next build.
   */
  async finish(): Promise<{ checksums: ChecksumEntry[]; files: Record<string, ManifestFile>; zipBytes: number }> {
    const infos: FileInfo[] = PIECE_FILES.map(({ name, title, description }) => ({ name, title, description }));
    const written: WrittenFile[] = [];
    for (const { file } of this.files) written.push(await file.finish());
    infos.push({ name: 'datapackage.json', title: '数据包描述（Frictionless）', description: 'Frictionless data package: the CSV files’ fields, types, units and keys' });
    written.push(await writtenWhole(this.folder, 'datapackage.json', `${JSON.stringify(dataPackage(this.summary.reports), null, 2)}\n`));
    const readmeText = readme(this.summary, infos);
    infos.push({ name: 'README.md', title: '说明', description: 'What the data is, where it comes from, how to cite it, what is known to be inconsistent' });
    written.push(await writtenWhole(this.folder, 'README.md', readmeText));
    for (const fd of this.previousFiles) closeSync(fd);
    const zip = writeZip(join(this.folder, ZIP), written);
    rmSync(this.scratch, { recursive: true, force: true });
    const checksums: ChecksumEntry[] = infos.map((info, n) => ({ ...info, bytes: written[n]!.bytes, sha256: written[n]!.sha256 }));
    checksums.push({ name: ZIP, title: '全部数据（zip）', description: 'All of the files above in one archive', bytes: zip.bytes, sha256: zip.sha256 });
    writeFileSync(join(this.folder, 'SHA256SUMS'), sha256sums(checksums));
    const files: Record<string, ManifestFile> = {};
    this.files.forEach(({ spec, file }, n) => (files[spec.name] = { bytes: written[n]!.bytes, zipOffset: zip.dataOffsets[n]!, pieces: file.pieces }));
    return { checksums, files, zipBytes: zip.bytes };
  }
}

function sha256sums(checksums: ChecksumEntry[]): string {
  return checksums.map((entry) => `${entry.sha256}  ${entry.name}`).join('\n') + '\n';
}
