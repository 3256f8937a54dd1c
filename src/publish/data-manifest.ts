/**
 * The data folder's manifest (<data>/manifest.json, not published): what the next build needs to
 * take this build's work instead of doing it again.
 *
 *   reports  each report, in the order of the bulk files, with the digest of its record and
 *            Markdown: a report with the same digest next time has the same files and the same
 *            pieces of the bulk files, so they are linked or copied, not made and compared
 *   files    each bulk file made of report pieces: its size, where its data starts in the zip,
 *            and for each report where its piece is in the file (and its deflate segment in the
 *            zip's data for that file), or null where the report has none (a year's files have
 *            a piece of that year's reports only)
 *
 * The previous build's published files are the store: a piece is copied from its bulk file and
 * its segment from its zip, so nothing is kept twice and nothing but this file is added. A
 * manifest is taken only when its files are still the size it says and it was written with the
 * same zlib (an older zlib may compress the same bytes differently, and a rebuild must give the
 * bytes of a cold build). That the same code wrote the folder, build.json tells (write-data.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { versions } from 'node:process';

/** A piece: [offset, length] in its file, and [offset, length] of its segment in the zip's data. */
export type PieceSpan = [number, number] | [number, number, number, number];

export interface ManifestFile {
  bytes: number;
  /** Where the file's deflate data starts in gongkai-data.zip. */
  zipOffset: number;
  /** One per report, in the order of `reports`; null where the report adds nothing to the file. */
  pieces: Array<PieceSpan | null>;
}

export interface DataManifest {
  zlib: string;
  zipBytes: number;
  reports: Array<{ id: string; digest: string }>;
  files: Record<string, ManifestFile>;
}

export const MANIFEST = 'manifest.json';

/**
 * A report's digest: its record (as JSON.stringify writes it), hashed as UTF-16 code units (what
 * the string holds, so no encoding: half the time of hashing it as UTF-8), and its Markdown's bytes.
 */
export function reportDigest(json: string, markdown: Uint8Array): string {
  return createHash('sha256').update(json, 'utf16le').update('\0', 'utf16le').update(markdown).digest('hex');
}

export function newManifest(reports: DataManifest['reports'], zipBytes: number, files: DataManifest['files']): DataManifest {
  return { zlib: versions.zlib ?? '', zipBytes, reports, files };
}

/** The manifest, one report and one file per line (a file's pieces on its own line). */
export function manifestText(manifest: DataManifest): string {
  const reports = manifest.reports.map((report) => JSON.stringify(report)).join(',\n');
  const files = Object.entries(manifest.files).map(([name, file]) => `${JSON.stringify(name)}:${JSON.stringify(file)}`).join(',\n');
  return `{"zlib":${JSON.stringify(manifest.zlib)},"zipBytes":${manifest.zipBytes},\n"reports":[\n${reports}\n],\n"files":{\n${files}\n}}\n`;
}

/**
 * The previous build's manifest, if it is there, whole, and its bulk files are as it says: each
 * of `pieceFiles` (the files of all years) and each file it lists (the years' files, which depend
 * on the years of its reports).
 */
export function readManifest(dataFolder: string, zipName: string, pieceFiles: readonly string[]): DataManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dataFolder, MANIFEST), 'utf8')) as DataManifest;
    if (manifest.zlib !== versions.zlib) return null;
    if (statSync(join(dataFolder, 'bulk', zipName)).size !== manifest.zipBytes) return null;
    if (!pieceFiles.every((name) => name in manifest.files)) return null;
    for (const [name, file] of Object.entries(manifest.files)) {
      if (statSync(join(dataFolder, 'bulk', name)).size !== file.bytes || file.pieces.length !== manifest.reports.length) return null;
    }
    return manifest;
  } catch {
    return null;
  }
}
