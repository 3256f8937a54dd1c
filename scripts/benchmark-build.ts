/**
 * npm run bench:build -- [<count>] [--keep]
 *
 * The build benchmark. Makes <count> distinct reports (default 1,000) from reports/ (half saved
 * web pages, half text; see make-reports.ts) in a temporary folder, then measures, each build in
 * its own process as an editor runs it:
 *
 *   1. a cold build (empty ingest cache): every step's time, peak memory, pages written;
 *   2. a rebuild after one new report is added (the cache holds the others);
 *   3. the same in a process that keeps running, as `npm run dev` does: it builds (nothing
 *      changed), then one more report is added and it builds again, timed;
 *   4. plain Eleventy rendering <count> small Markdown pages, the yardstick;
 *
 * and prints the figures, the ratios the targets are set in, and the site's weight (size per
 * report besides the originals, the largest page and the largest file). A benchmark, not a test:
 * it prints figures and asserts nothing. --keep leaves the temporary folder for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeReports } from './make-reports.ts';

/** One new report: a copy of a sample under an agency name no other copy has. */
function addReport(reports: string, prefix: string): void {
  const sample = readdirSync(reports).find((name) => name.endsWith('.html')) ?? readdirSync(reports)[0]!;
  const agency = sample.replace(/^\d{4}-/, '').replace(/\.[^.]+$/, '');
  writeFileSync(join(reports, sample.replace(agency, `${prefix}${agency}`)), readFileSync(join(reports, sample), 'utf8').replaceAll(agency, `${prefix}${agency}`));
}

// The kept process of step 3, run as `benchmark-build.ts --dev-rebuild <reports> <out> <cache> <timings>`.
if (process.argv[2] === '--dev-rebuild') {
  const [reports, out, cache, timings] = process.argv.slice(3) as [string, string, string, string];
  const { buildPortal } = await import('../src/build/build-portal.ts');
  await buildPortal({ reports, out, cache, removal: 'background', keepWorkers: true });
  addReport(reports, '又增');
  const started = performance.now();
  const result = await buildPortal({ reports, out, cache, removal: 'background', keepWorkers: true });
  writeFileSync(timings, JSON.stringify({ wall: (performance.now() - started) / 1000, steps: result.timings }));
  process.exit(0);
}

const args = process.argv.slice(2);
const count = Number(args.find((arg) => !arg.startsWith('--')) ?? 1000);
const keep = args.includes('--keep');
const PROJECT = join(import.meta.dirname, '..');
const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));

interface Timings {
  reports: number;
  failures: number;
  parsed: number;
  fromCache: number;
  pages: number;
  reusedPages: number;
  searchParts: { indexed: number; reused: number };
  seconds: number;
  steps: Array<{ step: string; seconds: number; peakRssBytes: number }>;
  peakRssBytes: number;
}

/** Runs the build in its own process, as `npm run build` does; returns its timings and wall time. */
function build(reports: string, out: string, cache: string): Timings & { wall: number } {
  const timings = join(root, `timings-${Date.now()}.json`);
  const started = performance.now();
  execFileSync(process.execPath, ['--expose-gc', 'scripts/run.mjs', 'build', '--reports', reports, '--out', out, '--cache', cache, '--timings', timings], {
    cwd: PROJECT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const wall = (performance.now() - started) / 1000;
  return { ...(JSON.parse(readFileSync(timings, 'utf8')) as Timings), wall };
}

/** Plain Eleventy: <count> small Markdown pages with one layout, in its own folder and process. */
function plainEleventy(pages: number): { wall: number; seconds: number } {
  const folder = join(root, 'plain');
  mkdirSync(join(folder, 'src', '_includes'), { recursive: true });
  writeFileSync(
    join(folder, 'src', '_includes', 'page.njk'),
    '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main>{{ content | safe }}</main></body></html>\n',
  );
  for (let i = 0; i < pages; i++) {
    writeFileSync(
      join(folder, 'src', `page-${i}.md`),
      `---\nlayout: page.njk\ntitle: 第${i}份报告\n---\n# 第${i}份报告\n\n本年度共收到政府信息公开申请${i}件，全部按时办结。\n`,
    );
  }
  const script = join(folder, 'run.mjs');
  writeFileSync(
    script,
    `import Eleventy from ${JSON.stringify(join(PROJECT, 'node_modules', '@11ty', 'eleventy', 'src', 'Eleventy.js'))};\n` +
      `const started = performance.now();\n` +
      `await new Eleventy('src', '_site', { quietMode: true }).write();\n` +
      `(await import('node:fs')).writeFileSync('seconds.txt', String((performance.now() - started) / 1000));\n`,
  );
  const started = performance.now();
  execFileSync(process.execPath, [script], { cwd: folder, stdio: 'ignore' });
  return { wall: (performance.now() - started) / 1000, seconds: Number(readFileSync(join(folder, 'seconds.txt'), 'utf8')) };
}

/** Every file under `folder` with its size. */
/** What a file of the site is, for the weight by kind. */
function kindOf(path: string): string {
  if (path.startsWith('data/sources/')) return 'originals';
  if (path.startsWith('data/reports/')) return 'report files (JSON, CSV, Markdown)';
  if (path.startsWith('data/bulk/')) return 'bulk downloads';
  if (path.startsWith('pagefind/')) return 'search index';
  if (/^agencies\/[^/]+\/\d{4}\/index\.html$/.test(path)) return 'report pages';
  if (/^agencies\/[^/]+\/index\.html$/.test(path)) return 'agency pages';
  if (path.endsWith('.html')) return 'other pages';
  return 'other files';
}

function files(folder: string): Array<{ path: string; bytes: number }> {
  const result: Array<{ path: string; bytes: number }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else result.push({ path: relative(folder, path), bytes: statSync(path).size });
    }
  };
  walk(folder);
  return result;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const step = (timings: Timings, name: string) => timings.steps.find((entry) => entry.step === name)?.seconds ?? 0;

try {
  const reports = join(root, 'reports');
  const bytes = await makeReports(count, reports);
  process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mb(totalmem())}, Node ${process.version}\n`);
  process.stdout.write(`reports: ${count.toLocaleString('en')} made from reports/ (${mb(bytes)}) in ${reports}\n\n`);

  const out = join(root, 'out');
  const cache = join(root, 'cache');
  const cold = build(reports, out, cache);

  addReport(reports, '新增');
  const again = build(reports, out, cache);
  const devTimings = join(root, 'dev-rebuild.json');
  // As npm run dev runs it (scripts/run.mjs), Eleventy's ESM resolver off.
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/benchmark-build.ts', '--dev-rebuild', reports, out, cache, devTimings], {
    cwd: PROJECT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: '1' },
  });
  const dev = JSON.parse(readFileSync(devTimings, 'utf8')) as { wall: number; steps: Timings['steps'] };
  const plain = plainEleventy(count);

  const site = join(out, '_site');
  const all = files(site);
  const originals = all.filter((file) => file.path.startsWith('data/sources/'));
  const weight = all.reduce((sum, file) => sum + file.bytes, 0) - originals.reduce((sum, file) => sum + file.bytes, 0);
  const pages = all.filter((file) => file.path.endsWith('.html'));
  const largestPage = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const largestFile = all.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const largestPageGzip = gzipSync(readFileSync(join(site, largestPage.path))).length;

  const rows: Array<[string, string, string]> = [
    ['', 'cold build', 'one new report'],
    ['files parsed / from the cache', `${cold.parsed} / ${cold.fromCache}`, `${again.parsed} / ${again.fromCache}`],
    ['ingest', s(step(cold, 'ingest')), s(step(again, 'ingest'))],
    ['data (records, CSV, bulk)', s(step(cold, 'data')), s(step(again, 'data'))],
    ['Eleventy', s(step(cold, 'Eleventy')), s(step(again, 'Eleventy'))],
    ['Pagefind', s(step(cold, 'Pagefind')), s(step(again, 'Pagefind'))],
    ['whole build (process, wall)', s(cold.wall), s(again.wall)],
    ['pages written', String(cold.pages), String(again.pages)],
    ['Eleventy per page rendered', `${((step(cold, 'Eleventy') / (cold.pages - cold.reusedPages)) * 1000).toFixed(2)} ms`, `${((step(again, 'Eleventy') / Math.max(1, again.pages - again.reusedPages)) * 1000).toFixed(2)} ms`],
    ['peak memory (RSS)', mb(cold.peakRssBytes), mb(again.peakRssBytes)],
    ...cold.steps.map((entry, index): [string, string, string] => [`  peak by the end of ${entry.step}`, mb(entry.peakRssBytes), mb(again.steps[index]?.peakRssBytes ?? 0)]),
    ['search index parts made / reused', `${cold.searchParts.indexed} / ${cold.searchParts.reused}`, `${again.searchParts.indexed} / ${again.searchParts.reused}`],
    ['pages rendered / reused', `${cold.pages - cold.reusedPages} / ${cold.reusedPages}`, `${again.pages - again.reusedPages} / ${again.reusedPages}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, a, b] of rows) process.stdout.write(`${label.padEnd(width)}  ${a.padStart(14)}  ${b.padStart(14)}\n`);

  const plainPerPage = (plain.seconds / count) * 1000;
  const ourPerPage = (step(cold, 'Eleventy') / (cold.pages - cold.reusedPages)) * 1000;
  process.stdout.write(`\nplain Eleventy, ${count} Markdown pages: ${s(plain.seconds)} rendering (${plainPerPage.toFixed(2)} ms per page), ${s(plain.wall)} as a process\n`);
  process.stdout.write(`cold build ÷ plain Eleventy (wall):        ${(cold.wall / plain.wall).toFixed(1)}×   (target ≤ 5×)\n`);
  process.stdout.write(`Eleventy per page ÷ plain per page:        ${(ourPerPage / plainPerPage).toFixed(1)}×   (target ≤ 3×)\n`);
  process.stdout.write(`rebuild after one new report ÷ cold build: ${(again.wall / cold.wall).toFixed(2)}    (target ≤ 0.15)\n`);
  const devSteps = dev.steps.map((entry) => `${entry.step} ${entry.seconds.toFixed(1)}`).join(', ');
  process.stdout.write(`  in a running npm run dev: ${s(dev.wall)} = ${(dev.wall / cold.wall).toFixed(2)} of the cold build (${devSteps})\n`);
  process.stdout.write(`\nsite: ${mb(all.reduce((sum, file) => sum + file.bytes, 0))} in ${all.length.toLocaleString('en')} files; ` +
    `${kb(weight / again.reports)} per report besides the originals (${mb(originals.reduce((sum, file) => sum + file.bytes, 0))} of originals)\n`);
  process.stdout.write(`largest page: ${largestPage.path} ${kb(largestPage.bytes)} (${kb(largestPageGzip)} gzip); largest file: ${largestFile.path} ${mb(largestFile.bytes)}\n`);
  const kinds = new Map<string, number>();
  for (const file of all) kinds.set(kindOf(file.path), (kinds.get(kindOf(file.path)) ?? 0) + file.bytes);
  process.stdout.write(`per report, by kind: ${[...kinds].filter(([kind]) => kind !== 'originals').sort(([, a], [, b]) => b - a).map(([kind, bytes]) => `${kind} ${kb(bytes / again.reports)}`).join(', ')}\n`);
  // The issue's targets: no page over 1 MB or 100 KB gzip (a page under 100 KB is under it gzipped), no bulk file over 100 MB.
  const heavy = pages.filter((page) => page.bytes > 100 * 1024 && gzipSync(readFileSync(join(site, page.path))).length > 100 * 1024);
  const bulkOver = all.filter((file) => file.path.startsWith('data/bulk/') && file.bytes > 100 * 1024 * 1024);
  process.stdout.write(`pages over 1 MB: ${pages.filter((page) => page.bytes > 1024 * 1024).length}; over 100 KB gzip: ${heavy.length}; bulk files over 100 MB: ${bulkOver.length}\n`);
  // The bulk files: the plain ones (one per table, a year's records and values), their .gz copies, the zip of all.
  const bulk = all.filter((file) => file.path.startsWith('data/bulk/'));
  const zip = bulk.filter((file) => file.path.endsWith('.zip'));
  const gzipped = bulk.filter((file) => file.path.endsWith('.gz'));
  const plainBulk = bulk.filter((file) => !zip.includes(file) && !gzipped.includes(file));
  const largestBulk = plainBulk.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const sum = (list: typeof all) => mb(list.reduce((total, file) => total + file.bytes, 0));
  process.stdout.write(`bulk: ${plainBulk.length} files ${sum(plainBulk)}, ${gzipped.length} .gz copies ${sum(gzipped)}, zip ${sum(zip)}; largest: ${largestBulk.path} ${mb(largestBulk.bytes)}\n`);
} finally {
  if (keep) process.stdout.write(`\nkept ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
