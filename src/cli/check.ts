/**
 * npm run check [-- [--strict] [<reports-folder>]]
 *
 * Reads every file in reports/ as ingest does (consistency rules across years included) and
 * prints, per file, `line:column severity message rule-id`, then a count. Exits 1 where a file
 * cannot be published (it cannot be read as a report); with --strict, also where any report has
 * an error or a warning — for an editor's CI.
 */
import { countBySeverity } from '../diagnostics/findings.ts';
import { ingestFolder } from '../ingest/ingest-folder.ts';
import { DEFAULT_CACHE } from '../ingest/cache.ts';
import { folderMessages } from './format-message.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--strict');
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(' ')}\nusage: npm run check -- [--strict] [<reports-folder>]\n`);
  process.exit(2);
}
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'reports';

const { reports, failures } = await ingestFolder(folder, { cache: DEFAULT_CACHE });
const lines = folderMessages(folder, reports, failures);
const totals = countBySeverity(reports.flatMap((report) => report.findings));
const summary = [
  `${reports.length + failures.length} files checked`,
  `${failures.length} cannot be published`,
  `${totals.error} errors, ${totals.warning} warnings, ${totals.info} notes in the reports`,
].join('; ');
process.stdout.write(`${lines.join('\n\n')}${lines.length > 0 ? '\n\n' : ''}${summary}\n`);

const fatal = failures.length > 0 || (strict && totals.error + totals.warning > 0);
process.exitCode = fatal ? 1 : 0;
