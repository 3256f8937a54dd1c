/**
 * npm run build [-- --reports <folder> --out <folder> --fresh --allow-shrink --timings <file>]
 *
 * Builds the portal from reports/ (see src/build/build-portal.ts): the records in data/, the site
 * in _site/. A failed build leaves the last good site in place. Files that did not change since
 * the last build are taken from the ingest cache (.cache/ingest), and their pages and files from the
 * last build; --fresh parses every file and renders every page.
 * A build that would publish less than half the reports the site has stops, leaving the site as it
 * is, unless --allow-shrink says the reports were removed on purpose.
 * --timings writes each step's time and the peak memory as JSON (for the build benchmark).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BuildError, buildPortal } from '../src/build/build-portal.ts';
import { readArguments } from '../src/cli/arguments.ts';
import { ingestSummary } from '../src/cli/ingest.ts';
import { DEFAULT_CACHE } from '../src/ingest/cache.ts';
import { siteAddress } from '../src/site/site-address.ts';

const { values } = readArguments({
  options: {
    reports: { type: 'string', default: 'reports' },
    out: { type: 'string', default: '.' },
    cache: { type: 'string', default: join(import.meta.dirname, '..', DEFAULT_CACHE) },
    fresh: { type: 'boolean', default: false },
    'allow-shrink': { type: 'boolean', default: false },
    timings: { type: 'string' },
  },
}, 'npm run build -- [--reports <folder>] [--out <folder>] [--cache <folder>] [--fresh] [--allow-shrink] [--timings <file>]');

const started = performance.now();
try {
  const result = await buildPortal({ reports: values.reports!, out: resolve(values.out!), cache: values.fresh ? null : resolve(values.cache!), reuse: !values.fresh, removal: 'detached', allowShrink: values['allow-shrink'] });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(ingestSummary(result.ingest, values.reports!, join(values.out!, 'data'), result.timings[0]!.seconds));
  const steps = result.timings.map(({ step, seconds: s }) => `${step} ${s.toFixed(1)} s`).join(', ');
  process.stdout.write(`${result.pages} pages in ${seconds.toFixed(1)} s (${steps})\n`);
  process.stdout.write(`Site written to ${join(resolve(values.out!), '_site')}/ — npm run serve shows it at http://localhost:${Number(process.env['PORT'] ?? 8080)}${siteAddress().pathPrefix}\n`);
  if (values.timings) {
    const timings = {
      reports: result.ingest.reports.length,
      failures: result.ingest.failures.length,
      parsed: result.ingest.cache.parsed,
      fromCache: result.ingest.cache.hits,
      reusedFiles: result.reused,
      reusedPages: result.reusedPages,
      searchParts: result.search,
      siteJson: result.siteJson,
      pages: result.pages,
      seconds,
      steps: result.timings,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeFileSync(values.timings, `${JSON.stringify(timings, null, 2)}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof BuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
