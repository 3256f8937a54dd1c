/**
 * npm run ingest [-- [--fresh] [--cache <folder>] <reports-folder> <output-folder>]
 *
 * Parses every file in reports/ and writes what the site and the downloads are built from into
 * data/ (see src/publish/write-data.ts). A bad file is listed with its message; the others are
 * written. A file that neither changed nor was parsed by other code since the last run comes
 * from the cache (.cache/ingest; see src/ingest/cache.ts); --fresh parses every file again,
 * --cache sets the cache's folder.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CACHE } from '../ingest/cache.ts';
import { countBySeverity } from '../diagnostics/findings.ts';
import { ingestFolder, type IngestOutcome } from '../ingest/ingest-folder.ts';
import { writeData } from '../publish/write-data.ts';
import { folderMessages } from './format-message.ts';

/** Every file's problems, then one line of counts. */
export function ingestSummary(result: IngestOutcome, reportsFolder: string, outputFolder: string, seconds: number): string {
  const { reports, failures, cache } = result;
  const messages = folderMessages(reportsFolder, reports, failures);
  const totals = countBySeverity(reports.flatMap((report) => report.findings));
  const counts =
    `${reports.length} reports written to ${outputFolder}/, ${failures.length} files not readable as reports; ` +
    `${totals.error} errors, ${totals.warning} warnings in the reports; ` +
    `${cache.parsed} files parsed, ${cache.hits} from the cache (${seconds.toFixed(2)} s)`;
  return `${messages === '' ? '' : `${messages}\n\n`}${counts}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: options, positionals } = parseArgs({
    allowPositionals: true,
    options: { fresh: { type: 'boolean', default: false }, cache: { type: 'string', default: DEFAULT_CACHE } },
  });
  const [reportsFolder = 'reports', outputFolder = 'data'] = positionals;
  const started = performance.now();
  const result = await ingestFolder(reportsFolder, { cache: options.fresh ? null : options.cache! });
  await writeData(result, reportsFolder, outputFolder);
  process.stdout.write(ingestSummary(result, reportsFolder, outputFolder, (performance.now() - started) / 1000));
}
