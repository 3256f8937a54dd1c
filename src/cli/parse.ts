/**
 * npm run --silent parse -- <file>
 *
 * Prints the report's JSON on stdout and exits 0; findings go to stderr. A file that cannot be
 * read as a report exits 1 with the file, the line and what was expected on stderr.
 */
import { parseReportFile } from '../parse-report.ts';
import { formatFailure, formatFileMessages } from './format-message.ts';

const [path, ...rest] = process.argv.slice(2);
if (!path || rest.length > 0) {
  process.stderr.write('usage: npm run --silent parse -- <report-file>\n');
  process.exit(2);
}

try {
  const report = await parseReportFile(path);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (report.findings.length > 0) process.stderr.write(`${formatFileMessages(path, report.findings)}\n`);
} catch (error) {
  process.stderr.write(`${formatFailure(path, error)}\n`);
  process.exitCode = 1;
}
