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
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countBySeverity, type IngestResult } from '../ingest/ingest-folder.ts';
import { bulkFiles, sha256sums } from './bulk.ts';
import { reportCsv } from './report-csv.ts';
import { publishedSourceName } from './source-file-name.ts';

/** Runs `work` over `items`, at most `limit` at a time (enough to keep the disk busy). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(runners);
}

export async function writeData({ reports, failures, markdown }: IngestResult, reportsFolder: string, outputFolder: string): Promise<void> {
  for (const sub of ['reports', 'sources', 'bulk']) {
    await rm(join(outputFolder, sub), { recursive: true, force: true });
    await mkdir(join(outputFolder, sub), { recursive: true });
  }
  await eachLimited(reports, 16, async (report) => {
    const folder = join(outputFolder, 'reports');
    await writeFile(join(folder, `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(folder, `${report.id}.csv`), reportCsv(report));
    await writeFile(join(folder, `${report.id}.md`), markdown.get(report.id)!);
    const published = publishedSourceName(report.id, report.source.path);
    await copyFile(join(reportsFolder, report.source.path), join(outputFolder, 'sources', published));
  });
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

  const bulk = await bulkFiles(reports);
  for (const file of bulk.files) await writeFile(join(outputFolder, 'bulk', file.name), file.content);
  await writeFile(join(outputFolder, 'bulk', 'SHA256SUMS'), sha256sums(bulk.checksums));
  await writeFile(join(outputFolder, 'checksums.json'), `${JSON.stringify(bulk.checksums, null, 2)}\n`);
}
