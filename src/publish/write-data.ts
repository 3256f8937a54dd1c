/**
 * Writing what ingest produced, as the site and the downloads are built from it:
 *
 *   <out>/reports/<id>.json   the validated record
 *   <out>/reports/<id>.csv    its table values, one per row (tidy CSV)
 *   <out>/reports/<id>.md     the report as clean Markdown (reads back to the same record)
 *   <out>/sources/<id>.<ext>  the original file, byte for byte (a web page as <id>.html.txt)
 *   <out>/bulk/               every report in one file (JSON, JSON Lines), tidy and wide CSV,
 *                             findings, datapackage.json, README.md, a zip of all, SHA256SUMS
 *   <out>/index.json          every report's summary and every file that could not be read
 *   <out>/checksums.json      the bulk files' sizes and checksums, for the data page
 *   <out>/build.json          the fingerprint of the code that wrote the folder
 *
 * Given the previous build's folder, a report whose record and Markdown are unchanged (and that
 * was written by the same code) is hard-linked from there instead of being written again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeFingerprint } from '../ingest/cache.ts';
import { countBySeverity, type IngestResult } from '../ingest/ingest-folder.ts';
import type { Report } from '../schema/report.ts';
import { BulkWriter } from './bulk.ts';
import { linkOrCopyFile } from './link-files.ts';
import { reportCsv } from './report-csv.ts';
import { publishedSourceName } from './source-file-name.ts';

/** Reports written at a time: their files are written together, then added to the bulk files in order. */
const BATCH = 32;

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The previous build's data folder, if the same code wrote it. */
function reusable(previous: string | null): string | null {
  if (!previous || !existsSync(join(previous, 'build.json'))) return null;
  try {
    const { fingerprint } = JSON.parse(readFileSync(join(previous, 'build.json'), 'utf8')) as { fingerprint?: string };
    return fingerprint === codeFingerprint() ? previous : null;
  } catch {
    return null;
  }
}

/** Writes (or links) one report's four files; returns its tidy CSV, for values.csv. */
async function writeReportFiles(report: Report, markdown: string, reportsFolder: string, out: string, previous: string | null): Promise<{ csv: string; reused: boolean }> {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const names = { json: `${report.id}.json`, csv: `${report.id}.csv`, md: `${report.id}.md` };
  const source = publishedSourceName(report.id, report.source.path);
  if (previous) {
    const [oldJson, oldMarkdown] = await Promise.all([
      readIfExists(join(previous, 'reports', names.json)),
      readIfExists(join(previous, 'reports', names.md)),
    ]);
    const oldCsv = oldJson === json && oldMarkdown === markdown ? await readIfExists(join(previous, 'reports', names.csv)) : undefined;
    if (oldCsv !== undefined && existsSync(join(previous, 'sources', source))) {
      for (const name of Object.values(names)) linkOrCopyFile(join(previous, 'reports', name), join(out, 'reports', name));
      linkOrCopyFile(join(previous, 'sources', source), join(out, 'sources', source));
      return { csv: oldCsv, reused: true };
    }
  }
  const csv = reportCsv(report);
  await Promise.all([
    writeFile(join(out, 'reports', names.json), json),
    writeFile(join(out, 'reports', names.csv), csv),
    writeFile(join(out, 'reports', names.md), markdown),
    copyFile(join(reportsFolder, report.source.path), join(out, 'sources', source)),
  ]);
  return { csv, reused: false };
}

/** Writes the data folder; returns how many reports were linked from the previous build. */
export async function writeData(
  { reports, failures, markdown }: IngestResult,
  reportsFolder: string,
  outputFolder: string,
  previousFolder: string | null = null,
): Promise<{ reused: number }> {
  const previous = reusable(previousFolder);
  for (const sub of ['reports', 'sources', 'bulk']) {
    await rm(join(outputFolder, sub), { recursive: true, force: true });
    await mkdir(join(outputFolder, sub), { recursive: true });
  }
  const bulk = await BulkWriter.open(join(outputFolder, 'bulk'));
  const sorted = [...reports].sort((a, b) => a.id.localeCompare(b.id));
  let reused = 0;
  for (let start = 0; start < sorted.length; start += BATCH) {
    const batch = sorted.slice(start, start + BATCH);
    const written = await Promise.all(batch.map((report) => writeReportFiles(report, markdown.get(report.id)!, reportsFolder, outputFolder, previous)));
    for (const [index, report] of batch.entries()) {
      await bulk.add(report, written[index]!.csv);
      if (written[index]!.reused) reused++;
    }
  }
  const checksums = await bulk.finish();

  // A file that cannot be read stays downloadable, so an editor and a reader can see what it is.
  for (const [n, failure] of failures.entries()) {
    if (failure.rule.startsWith('registry-')) continue;
    const name = publishedSourceName(`unreadable-${n + 1}`, failure.path);
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
  return { reused };
}
