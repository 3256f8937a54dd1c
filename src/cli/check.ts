/**
 * npm run check [-- [--frail] [<reports-folder>]]
 *
 * Reads every file in reports/ as ingest does (consistency rules across years included) and
 * prints, per file, `line:column severity message rule-id source` (vfile-reporter), then a count.
 * Exits 1 where a file cannot be published (it cannot be read as a report); with --frail (as
 * unified's tools call it; --strict is the same), also where any report has an error or a
 * warning — for an editor's CI.
 */
import { countBySeverity } from '../diagnostics/findings.ts';
import { ingestFolder } from '../ingest/ingest-folder.ts';
import { DEFAULT_CACHE } from '../ingest/cache.ts';
import { folderMessages } from './format-message.ts';

const args = process.argv.slice(2);
const FRAIL = ['--frail', '--strict'];
const frail = args.some((arg) => FRAIL.includes(arg));
const unknown = args.filter((arg) => arg.startsWith('--') && !FRAIL.includes(arg));
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(' ')}\nusage: npm run check -- [--frail] [<reports-folder>]\n`);
  process.exit(2);
}
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'reports';

const { reports, failures } = await ingestFolder(folder, { cache: DEFAULT_CACHE });
const messages = folderMessages(folder, reports, failures);
const totals = countBySeverity(reports.flatMap((report) => report.findings));
const summary = [
  `${reports.length + failures.length} files checked`,
  `${failures.length} cannot be published`,
  `${totals.error} errors, ${totals.warning} warnings, ${totals.info} notes in the reports`,
].join('; ');
process.stdout.write(`${messages === '' ? '' : `${messages}\n\n`}${summary}\n`);

const fatal = failures.length > 0 || (frail && totals.error + totals.warning > 0);
process.exitCode = fatal ? 1 : 0;
