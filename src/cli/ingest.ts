/**
 * npm run ingest [-- <reports-folder> <output-folder>]
 *
 * Parses every file in reports/ and writes what the site and the downloads are built from:
 *   data/reports/<id>.json   the validated record
 *   data/reports/<id>.csv    its table values, one per row (tidy CSV)
 *   data/reports/<id>.md     the report as clean Markdown (reads back to the same record)
 *   data/sources/<id>.<ext>  the original file, byte for byte (a web page as <id>.html.txt)
 *   data/bulk/               every report in one file (JSON, JSON Lines), tidy and wide CSV,
 *                            findings, datapackage.json, README.md, a zip of all, SHA256SUMS
 *   data/index.json          every report's summary and every file that could not be read
 * A bad file is listed with its message; the others are written.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countBySeverity, ingestFolder } from '../ingest.ts';
import { reportCsv } from '../publish/report-csv.ts';
import { publishedSourceName } from '../publish/source-file-name.ts';
import { bulkFiles, sha256sums } from '../publish/bulk.ts';
import { formatFileMessages } from './format-message.ts';

const [reportsFolder = 'reports', outputFolder = 'data'] = process.argv.slice(2);

const started = performance.now();
const { reports, failures, markdown } = await ingestFolder(reportsFolder);

for (const sub of ['reports', 'sources', 'bulk']) {
  await rm(join(outputFolder, sub), { recursive: true, force: true });
  await mkdir(join(outputFolder, sub), { recursive: true });
}
for (const report of reports) {
  await writeFile(join(outputFolder, 'reports', `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(outputFolder, 'reports', `${report.id}.csv`), reportCsv(report));
  await writeFile(join(outputFolder, 'reports', `${report.id}.md`), markdown.get(report.id)!);
  await copyFile(report.source.path, join(outputFolder, 'sources', publishedSourceName(report.id, report.source.path)));
}
// A file that cannot be read stays downloadable, so an editor and a reader can see what it is.
for (const [n, failure] of failures.entries()) {
  if (failure.rule.startsWith('registry-')) continue;
  const name = publishedSourceName(`unreadable-${n + 1}`, failure.path);
  try {
    await copyFile(failure.path, join(outputFolder, 'sources', name));
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

const bulk = bulkFiles(reports);
for (const file of bulk.files) await writeFile(join(outputFolder, 'bulk', file.name), file.content);
await writeFile(join(outputFolder, 'bulk', 'SHA256SUMS'), sha256sums(bulk.checksums));
await writeFile(join(outputFolder, 'checksums.json'), `${JSON.stringify(bulk.checksums, null, 2)}\n`);

for (const report of reports) {
  if (report.findings.length > 0) process.stdout.write(`${formatFileMessages(report.source.path, report.findings)}\n`);
}
for (const failure of failures) {
  process.stdout.write(`${formatFileMessages(failure.path, [{ ...failure, severity: 'error' }])}\n`);
}
const totals = countBySeverity(reports.flatMap((report) => report.findings));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
process.stdout.write(
  `${reports.length} reports written to ${outputFolder}/, ${failures.length} files not readable as reports; ` +
    `${totals.error} errors, ${totals.warning} warnings in the reports (${seconds} s)\n`,
);
