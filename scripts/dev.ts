/**
 * npm run dev: the editor's loop. Builds the portal, serves it with Eleventy's dev server at
 * http://localhost:8080/ (PORT to change), and watches reports/ and templates/: on a
 * change it builds again — only the files that changed are parsed (the ingest cache); unchanged
 * reports' files and pages, and the parts of the search index they are in, are linked from the
 * build before — and reloads the browser. For each file it
 * read it prints one line: what it is, or what is wrong with it.
 */
import { watch } from 'chokidar';
import { join, resolve } from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { buildPortal, BuildError, type BuildResult } from '../src/build/build-portal.ts';
import { DEFAULT_CACHE } from '../src/ingest/cache.ts';
import { countBySeverity } from '../src/diagnostics/findings.ts';
import { siteAddress } from '../src/site/site-address.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const reports = join(PROJECT, 'reports');
const cache = join(PROJECT, DEFAULT_CACHE);
const port = Number(process.env['PORT'] ?? 8080);

/** One line per file read in this build, and per file new to the site (a file put back comes from the cache). */
function fileLines(result: BuildResult, before: Set<string>): string[] {
  const { reports: records, failures, cache: stats } = result.ingest;
  const appeared = before.size === 0 ? [] : [...records.map((report) => report.source.path), ...failures.map((failure) => failure.path)].filter((name) => !before.has(name));
  return [...new Set([...stats.parsedNames, ...appeared])].map((name) => {
    const failure = failures.find((candidate) => candidate.path === name);
    if (failure) return `✖ ${name}: 不能发布 — ${failure.message}${failure.line ? `（第${failure.line}行）` : ''}`;
    const report = records.find((candidate) => candidate.source.path === name);
    if (!report) return `✖ ${name}: 与另一文件重复，未发布`;
    const counts = countBySeverity(report.findings);
    const problems = counts.error + counts.warning > 0 ? `，${counts.error} 个错误、${counts.warning} 个警告（npm run check 查看）` : '';
    return `${counts.error > 0 ? '⚠' : '✔'} ${name}: ${report.agency.canonicalName} ${report.year}年${problems}`;
  });
}

let published = new Set<string>();

async function build(): Promise<BuildResult | undefined> {
  const started = performance.now();
  try {
    const result = await buildPortal({ reports, out: PROJECT, cache, removal: 'background', keepWorkers: true });
    for (const line of fileLines(result, published)) process.stdout.write(`${line}\n`);
    const now = new Set([...result.ingest.reports.map((report) => report.source.path), ...result.ingest.failures.map((failure) => failure.path)]);
    for (const name of published) if (!now.has(name)) process.stdout.write(`− ${name}: 已从 reports/ 移除，不再发布\n`);
    published = now;
    const counts = `${result.ingest.reports.length} 份报告，${result.ingest.failures.length} 个文件不能发布`;
    process.stdout.write(`[gongkai] ${counts}；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒\n`);
    return result;
  } catch (error) {
    process.stderr.write(`[gongkai] ${error instanceof BuildError ? error.message : String(error)}\n`);
    return undefined;
  }
}

await build();
// Served at the path of GONGKAI_SITE_URL, as the site's links are (/ unless set).
const server = EleventyDevServer.getServer('gongkai', join(PROJECT, '_site'), { port, domDiff: false, showVersion: false, pathPrefix: siteAddress().pathPrefix });
server.serve(port);

// Changes come in bursts (an editor saves several files, a copy writes a file in pieces): wait
// until the folder is quiet, and never run two builds at once.
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | undefined;
let again = false;
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      const result = await build();
      if (result) server.reload();
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    })();
  }, 300);
}
// chokidar rather than fs.watch: Node 20's recursive fs.watch on Linux missed files added and
// removed in the folder while a build ran (tried: a copied report was never built).
watch([reports, join(PROJECT, 'templates')], { ignoreInitial: true }).on('all', schedule);
process.stdout.write(`[gongkai] 正在监视 reports/ 与 templates/；按 Ctrl+C 结束\n`);
