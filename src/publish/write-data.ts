/**
 * Writing what ingest produced, as the site and the downloads are built from it:
 *
 *   <out>/reports/<id>.json   the validated record
 *   <out>/reports/<id>.csv    its table values, one per row (tidy CSV)
 *   <out>/reports/<id>.md     the report as clean Markdown (reads back to the same record)
 *   <out>/sources/<id>.<ext>  the original file, byte for byte (a web page as <id>.html.txt)
 *   <out>/bulk/               each year's records (JSON Lines) and values (tidy CSV), the reports,
 *                             labels, wide tables, indicators and findings of all years,
 *                             datapackage.json, README.md, .gz copies, a zip of all, SHA256SUMS
 *   <out>/index.json          every report's summary and every file that could not be read
 *   <out>/checksums.json      the bulk files' sizes and checksums, for the data page
 *   <out>/build.json          the fingerprint of the code that wrote the folder
 *   <out>/manifest.json       each report's digest and where its pieces of the bulk files are,
 *                             for the next build (see data-manifest.ts; not published)
 *
 * Given the previous build's folder, written by the same code, a report whose digest (of its
 * record and Markdown) is the one that build's manifest holds is not written again: its four
 * files are hard-linked from there and its pieces of the bulk files copied from that build's
 * (bulk.ts). Nothing else of the previous build is read, so a rebuild after one new report costs
 * that report, the copying, and the checksums of what is written; the output is the same bytes
 * as a cold build's.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeFingerprint } from '../ingest/cache.ts';
import { countBySeverity } from '../diagnostics/findings.ts';
import type { IngestResult } from '../ingest/ingest-folder.ts';
import type { Report } from '../schema/report.ts';
import { BulkWriter, previousManifest, type ChecksumEntry, type ReportContent } from './bulk.ts';
import { MANIFEST, manifestText, newManifest, reportDigest, type DataManifest } from './data-manifest.ts';
import { linkOrCopyFile } from './link-files.ts';
import { reportCsv } from './report-csv.ts';
import { publishedSourceName, reportSourceName } from './source-file-name.ts';
import { tableValues } from './table-values.ts';

interface PreviousBuild {
  folder: string;
  manifest: DataManifest;
  /** Each report's place in the manifest, by id. */
  index: Map<string, number>;
}

/** Reports written at a time: their files are written together, then added to the bulk files in order. */
const BATCH = 32;

/** The previous build's data folder and manifest, if the same code wrote them. */
function previousBuild(folder: string | null): PreviousBuild | null {
  if (!folder || !existsSync(join(folder, 'build.json'))) return null;
  try {
    const { fingerprint } = JSON.parse(readFileSync(join(folder, 'build.json'), 'utf8')) as { fingerprint?: string };
    if (fingerprint !== codeFingerprint()) return null;
  } catch {
    return null;
  }
  const manifest = previousManifest(folder);
  return manifest && { folder, manifest, index: new Map(manifest.reports.map((report, n) => [report.id, n])) };
}

/** A report's four published files, relative to the data folder. */
function reportFiles(report: Report): string[] {
  return ['json', 'csv', 'md'].map((ext) => join('reports', `${report.id}.${ext}`)).concat(join('sources', reportSourceName(report.id, report.source.path)));
}

/** Links a report's files from the previous build; false, leaving none behind, if one cannot be. */
function linkReportFiles(report: Report, from: string, to: string): boolean {
  const files = reportFiles(report);
  try {
    for (const file of files) linkOrCopyFile(join(from, file), join(to, file));
    return true;
  } catch {
    // Removed rather than written over: a link shares its file with the previous build.
    for (const file of files) rmSync(join(to, file), { force: true });
    return false;
  }
}

/** Writes one report's four files; returns what its pieces of the bulk files are made from. */
async function writeReportFiles(report: Report, json: string, markdown: Uint8Array, reportsFolder: string, out: string): Promise<ReportContent> {
  const values = tableValues(report);
  const tidyCsv = reportCsv(values);
  const [jsonFile, csvFile, markdownFile, sourceFile] = reportFiles(report).map((file) => join(out, file));
  await Promise.all([
    writeFile(jsonFile!, `${json}\n`),
    writeFile(csvFile!, tidyCsv),
    writeFile(markdownFile!, markdown),
    copyFile(join(reportsFolder, report.source.path), sourceFile!),
  ]);
  return { report, json, values };
}

/** Writes the data folder; returns how many reports were linked from the previous build. */
export async function writeData(
  { reports, failures, markdown }: IngestResult,
  reportsFolder: string,
  outputFolder: string,
  previousFolder: string | null = null,
): Promise<{ reused: number; digests: Map<string, string>; checksums: ChecksumEntry[] }> {
  const previous = previousBuild(previousFolder);
  for (const sub of ['reports', 'sources', 'bulk']) {
    await rm(join(outputFolder, sub), { recursive: true, force: true });
    await mkdir(join(outputFolder, sub), { recursive: true });
  }
  const bulk = new BulkWriter(join(outputFolder, 'bulk'), join(outputFolder, '.deflate'), previous);
  const sorted = [...reports].sort((a, b) => a.id.localeCompare(b.id));
  const digests: DataManifest['reports'] = [];
  let reused = 0;
  for (let start = 0; start < sorted.length; start += BATCH) {
    const batch = sorted.slice(start, start + BATCH).map((report) => {
      const json = JSON.stringify(report);
      const text = markdown.get(report.id)!;
      const digest = reportDigest(json, text);
      const index = previous?.index.get(report.id);
      // Where the report was in the previous build, if it is unchanged since.
      const same = index !== undefined && previous!.manifest.reports[index]!.digest === digest ? index : undefined;
      return { report, json, markdown: text, digest, same };
    });
    // An unchanged report's files are linked (null), the others' written.
    const contents = await Promise.all(
      batch.map(({ report, json, markdown: text, same }) =>
        same !== undefined && linkReportFiles(report, previous!.folder, outputFolder) ? null : writeReportFiles(report, json, text, reportsFolder, outputFolder),
      ),
    );
    for (const [n, { report, digest, same }] of batch.entries()) {
      if (same === undefined) {
        await bulk.add(contents[n]!, digest);
      } else {
        await bulk.reuse(report, same, digest);
        if (contents[n] === null) reused++;
      }
      digests.push({ id: report.id, digest });
    }
  }
  const { checksums, files, zipBytes } = await bulk.finish();

  // A file of a format the portal reads that cannot be read stays downloadable, so an editor and
  // a reader can see what it is; any other file is listed by name, size and checksum only.
  for (const [n, failure] of failures.entries()) {
    if (failure.rule.startsWith('registry-')) continue;
    const name = publishedSourceName(`unreadable-${n + 1}`, failure.path);
    if (name === null) continue;
    try {
      await copyFile(join(reportsFolder, failure.path), join(outputFolder, 'sources', name));
      failure.download = `sources/${name}`;
    } catch {
      // A file that cannot even be copied is listed without a download.
    }
  }
  const index = {
    reports: reports.map((report) => ({
      id: report.id,
      agency: report.agency,
      year: report.year,
      template: report.template,
      source: report.source.path,
      findings: countBySeverity(report.findings),
    })),
    failures,
  };
  await writeFile(join(outputFolder, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  await writeFile(join(outputFolder, 'checksums.json'), `${JSON.stringify(checksums, null, 2)}\n`);
  await writeFile(join(outputFolder, 'build.json'), `${JSON.stringify({ fingerprint: codeFingerprint() }, null, 2)}\n`);
  await writeFile(join(outputFolder, MANIFEST), manifestText(newManifest(digests, zipBytes, files)));
  return { reused, digests: new Map(digests.map(({ id, digest }) => [id, digest])), checksums };
}
