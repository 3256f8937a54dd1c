/**
 * npm run ingest [-- <reports-folder> <output-folder>]
 *
 * Parses every file in reports/ and writes the validated JSON the site is built from:
 * data/reports/<id>.json per report and data/index.json (every report's summary and every file
 * that could not be read). A bad file is listed with its message; the others are written.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countBySeverity, ingestFolder } from '../ingest.ts';
import { formatFileMessages } from './format-message.ts';

const [reportsFolder = 'reports', outputFolder = 'data'] = process.argv.slice(2);

const started = performance.now();
const { reports, failures } = await ingestFolder(reportsFolder);

await rm(join(outputFolder, 'reports'), { recursive: true, force: true });
await mkdir(join(outputFolder, 'reports'), { recursive: true });
for (const report of reports) {
  await writeFile(join(outputFolder, 'reports', `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
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
