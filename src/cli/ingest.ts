/**
 * npm run ingest [-- [--fresh] [--cache <folder>] <reports-folder> <output-folder>]
 *
 * Parses every file in reports/ and writes what the site and the downloads are built from into
 * data/ (see src/publish/write-data.ts). A bad file is listed with its message; the others are
 * written. A file that neither changed nor was parsed by other code since the last run comes
 * from the cache (.cache/ingest; see src/ingest/cache.ts); --fresh parses every file again,
 * --cache sets the cache's folder.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_CACHE } from '../ingest/cache.ts';
import { countBySeverity } from '../diagnostics/findings.ts';
import { ingestFolder, type IngestOutcome } from '../ingest/ingest-folder.ts';
import { writeData } from '../publish/write-data.ts';
import { readArguments } from './arguments.ts';
import { folderMessages } from './format-message.ts';

/**
 * The problems of the files this run read, then one line of counts. A file parsed this time is
 * listed with each of its findings, and so are the other reports of its agency (a new year can
 * add a finding to the year before) and every file that could not be read. The reports taken
 * unchanged from the cache are counted in one line: at 1,000 reports their messages are
 * thousands of lines an editor has seen before (and vfile-reporter took 0.4 s to align them).
 * `npm run check` lists everything.
 */
export function ingestSummary(result: IngestOutcome, reportsFolder: string, outputFolder: string, seconds: number): string {
  const { reports, failures, cache } = result;
  const parsed = new Set(cache.parsedNames);
  const touched = new Set(reports.filter((report) => parsed.has(report.source.path)).map((report) => report.agency.canonicalName));
  const listed = reports.filter((report) => touched.has(report.agency.canonicalName));
  const unlisted = reports.filter((report) => !touched.has(report.agency.canonicalName));
  const messages = folderMessages(reportsFolder, listed, failures);
  const totals = countBySeverity(reports.flatMap((report) => report.findings));
  const quiet = countBySeverity(unlisted.flatMap((report) => report.findings));
  const quietLine =
    quiet.error + quiet.warning === 0
      ? ''
      : `${unlisted.filter((report) => report.findings.some((finding) => finding.severity !== 'info')).length} reports unchanged since the last run have ` +
        `${quiet.error} errors, ${quiet.warning} warnings, not listed again (npm run check lists them)\n`;
  const counts =
    `${reports.length} reports written to ${outputFolder}/, ${failures.length} files not readable as reports; ` +
    `${totals.error} errors, ${totals.warning} warnings in the reports; ` +
    `${cache.parsed} files parsed, ${cache.hits} from the cache (${seconds.toFixed(2)} s)`;
  return `${messages === '' ? '' : `${messages}\n\n`}${quietLine}${counts}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values: options, positionals } = readArguments(
    { allowPositionals: true, options: { fresh: { type: 'boolean', default: false }, cache: { type: 'string', default: DEFAULT_CACHE } } },
    'npm run ingest -- [--fresh] [--cache <folder>] [<reports-folder> [<output-folder>]]',
  );
  const [reportsFolder = 'reports', outputFolder = 'data'] = positionals;
  const started = performance.now();
  const result = await ingestFolder(reportsFolder, { cache: options.fresh ? null : options.cache! });
  await writeData(result, reportsFolder, outputFolder);
  process.stdout.write(ingestSummary(result, reportsFolder, outputFolder, (performance.now() - started) / 1000));
}
