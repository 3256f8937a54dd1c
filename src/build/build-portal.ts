/**
 * Building the portal from a reports folder, in one process, step by step:
 *
 *   ingest (parse, or take from the cache) → data (records, CSV, Markdown, originals, bulk files)
 *   → Eleventy (the pages) → Pagefind (the search index)
 *
 * Everything is built in a temporary folder beside the output; data/ and _site/ are replaced only
 * when every step has finished, so a failed build leaves the last good site (publish-folders.ts:
 * one build at a time, a journalled swap). Each step's time is
 * measured, for the editor and for the build benchmark.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { digestOf, ingestFolder, type IngestOutcome } from '../ingest/ingest-folder.ts';
import { writeData } from '../publish/write-data.ts';
import { buildSiteData, handSiteData, recordsIn, type SiteData } from '../site/load-site-data.ts';
import { finishPages, linkReusedPages, planRender } from '../site/page-reuse.ts';
import { siteJsonFiles, writeSiteJson } from '../site/site-json.ts';
import { LockedError, markComplete, recoverRuns, swapIn, takeLock } from './publish-folders.ts';
import { writeSearchIndex } from './search-index.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/**
 * Eleventy, loaded when a build starts and awaited when the pages are rendered: its ~450
 * modules load while the ingest waits for its workers, rather than before the build begins.
 */
let eleventyModule: Promise<typeof import('@11ty/eleventy')> | undefined;
function loadEleventy(): Promise<typeof import('@11ty/eleventy')> {
  eleventyModule ??= import('@11ty/eleventy');
  // A failure is the render step's to report, when it awaits the module.
  eleventyModule.catch(() => undefined);
  return eleventyModule;
}

/** Set where the build runs from the commands' bundle (scripts/run.mjs): the config bundled beside it. */
declare const GONGKAI_ELEVENTY_CONFIG: string | undefined;
/** The Eleventy config: .eleventy.ts through tsx from the sources, its bundled copy from the bundle. */
const ELEVENTY_CONFIG = typeof GONGKAI_ELEVENTY_CONFIG === 'string' ? GONGKAI_ELEVENTY_CONFIG : join(PROJECT, '.eleventy.ts');

export interface BuildOptions {
  /** The reports folder. */
  reports: string;
  /** Where data/ and _site/ go. */
  out: string;
  /** The ingest cache's folder, or null to parse every file. */
  cache: string | null;
  /** Whether to reuse what the last build in `out` wrote for unchanged reports (default true). */
  reuse?: boolean;
  /**
   * How the last site (a folder of thousands of links, ~0.3 s to remove at 1,000 reports) is
   * removed once the new one is in place: 'wait' (the default) before returning; 'background'
   * while the process goes on, for `npm run dev`, which keeps running; 'detached' by a process of
   * its own that outlives this one, for `npm run build`, which can then exit at once.
   */
  removal?: 'wait' | 'background' | 'detached';
  /**
   * Whether a build may publish less than half the reports the site has now (default false): a
   * reports folder emptied or half copied must not replace the portal with an empty one.
   */
  allowShrink?: boolean;
  /**
   * Whether the ingest's worker threads stay, their parser loaded, for the next build in this
   * process (default false): `npm run dev` keeps them, so a saved file is parsed at once.
   */
  keepWorkers?: boolean;
}

/** The reports the published site has now, from its data/index.json; 0 when there is none. */
async function publishedCount(out: string): Promise<number> {
  try {
    const index = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as { reports?: unknown[] };
    return Array.isArray(index.reports) ? index.reports.length : 0;
  } catch {
    return 0;
  }
}

/** Below this many published reports, a smaller site is no sign of a mistake. */
const SHRINK_FROM = 4;

export interface BuildResult {
  /** What ingest found; the records themselves are let go once the pages are rendered. */
  ingest: IngestOutcome;
  /** Seconds per step, in order, and the process's peak memory at the end of each. */
  timings: Array<{ step: string; seconds: number; peakRssBytes: number }>;
  /** Pages Eleventy wrote. */
  pages: number;
  /** Reports whose files were linked from the previous build, unchanged. */
  reused: number;
  /** Pages linked from the previous build, unchanged. */
  reusedPages: number;
  /** Parts of the search index made again, and taken from the previous build. */
  search: { indexed: number; reused: number };
  /** The pages' JSON files (site-json.ts) written, and linked from the previous build unchanged. */
  siteJson: { written: number; reused: number };
}

export class BuildError extends Error {}

/**
 * A full garbage collection, where the process was started with --expose-gc (npm run build and
 * dev are) and the heap is large: at the end of a step and of a rendering pass most of the heap
 * is garbage, and V8, left to itself, lets it grow to twice what the build holds (2.2 GB for
 * 10,000 reports where 1.1 GB is live) before it collects. Without the flag the build is the
 * same, only bigger; a small site never pays for it.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc && getHeapStatistics().used_heap_size > 256 * 1024 * 1024) gc();
}

async function timed<T>(timings: BuildResult['timings'], step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } catch (error) {
    throw new BuildError(`${step} failed (${error instanceof Error ? error.message : String(error)}); the previous site is left in place`, { cause: error });
  } finally {
    collectGarbage();
    // The process's peak memory so far: which step set the peak.
    timings.push({ step, seconds: (performance.now() - started) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  }
}

/**
 * Report, agency and year pages rendered in one Eleventy pass at most. Eleventy keeps every page
 * it renders in memory until the pass ends (its write() returns them all), so a site of 10,000
 * reports (17,000 pages, ~600 MB of text) is rendered in passes: the first renders every other
 * page too, the next ones only report, agency and year pages. One site data serves them all.
 * GONGKAI_PAGES_PER_PASS sets the number (the tests render a small site in several passes).
 */
const PAGES_PER_PASS = Number(process.env['GONGKAI_PAGES_PER_PASS']) || 2500;

/**
 * Renders the site, but the pages of the last build in `previous` that did not change (which
 * are linked); returns how many pages Eleventy wrote and how many were linked.
 */
async function renderSite(
  portal: SiteData,
  recordDigests: Map<string, string>,
  data: string,
  site: string,
  previous: string | null,
): Promise<{ written: number; reused: number; siteJson: { written: number; reused: number } }> {
  const plan = planRender(portal.render, recordDigests, previous);
  // The unchanged pages are linked from the last build in the thread pool while Eleventy renders the others.
  const linking = linkReusedPages(plan, site);
  linking.catch(() => undefined);
  const queue = [
    ...plan.reports.map((page) => ({ report: page })),
    ...plan.agencies.map((page) => ({ agency: page })),
    ...plan.years.map((page) => ({ year: page })),
    ...plan.regions.map((page) => ({ region: page })),
  ];
  // .eleventy.ts reads the records from GONGKAI_DATA, and takes the site data handed over here.
  const saved = process.env['GONGKAI_DATA'];
  process.env['GONGKAI_DATA'] = data;
  let written = 0;
  try {
    for (let start = 0; start === 0 || start < queue.length; start += PAGES_PER_PASS) {
      // The pass before is garbage by now.
      if (start > 0) collectGarbage();
      const pass = queue.slice(start, start + PAGES_PER_PASS);
      portal.render = {
        reports: pass.flatMap((entry) => ('report' in entry ? [entry.report] : [])),
        agencies: pass.flatMap((entry) => ('agency' in entry ? [entry.agency] : [])),
        years: pass.flatMap((entry) => ('year' in entry ? [entry.year] : [])),
        regions: pass.flatMap((entry) => ('region' in entry ? [entry.region] : [])),
      };
      handSiteData(data, portal, start > 0);
      const { default: Eleventy } = await loadEleventy();
      const eleventy = new Eleventy(join(PROJECT, 'templates'), site, {
        configPath: ELEVENTY_CONFIG,
        quietMode: true,
      });
      // The build says itself what it wrote (Eleventy's own line would come once a pass); errors still throw.
      (eleventy as unknown as { disableLogger(): void }).disableLogger();
      written += writtenPages((await eleventy.write()) as unknown);
    }
    await linking;
    finishPages(plan, site, data);
    // The JSON files the pages' scripts fetch (site-json.ts), linked from the last site where unchanged.
    const siteJson = writeSiteJson(siteJsonFiles(portal), site, previous ? join(previous, '_site') : null);
    return { written, reused: plan.reused.size, siteJson };
  } finally {
    // Where a pass failed, the links still being made are let finish before the build's folder is removed.
    await linking.catch(() => undefined);
    handSiteData(data, undefined);
    if (saved === undefined) delete process.env['GONGKAI_DATA'];
    else process.env['GONGKAI_DATA'] = saved;
  }
}

/** Eleventy's write() resolves to [passthrough copies, templates]; the second holds the pages. */
function writtenPages(written: unknown): number {
  const templates: unknown = Array.isArray(written) ? written.at(-1) : [];
  if (!Array.isArray(templates)) return 0;
  return templates.flat(Infinity).filter((entry) => entry !== null && typeof entry === 'object' && 'outputPath' in entry).length;
}

export async function buildPortal(options: BuildOptions): Promise<BuildResult> {
  const timings: BuildResult['timings'] = [];
  const reuse = options.reuse ?? true;
  if (!existsSync(options.reports)) {
    throw new BuildError(`the reports folder ${options.reports} does not exist; the previous site is left in place`);
  }
  const builds = join(options.out, '.build');
  await mkdir(builds, { recursive: true });
  // One build at a time (publish-folders.ts); then what killed builds left is finished or removed.
  let release: () => Promise<void>;
  try {
    release = await takeLock(builds);
  } catch (error) {
    if (error instanceof LockedError) throw new BuildError(error.message);
    throw error;
  }
  let work: string;
  let leftovers: string[];
  try {
    const unfinished = await recoverRuns(builds, options.out, (name) => name.startsWith(RUN));
    // What an earlier build left to remove and did not finish (its process ended first).
    leftovers = [...unfinished, ...(await readdir(builds)).filter((name) => name.startsWith(REMOVED)).map((name) => join(builds, name))];
    work = await mkdtemp(join(builds, RUN));
  } catch (error) {
    await release();
    throw error;
  }
  try {
    const data = join(work, 'data');
    const site = join(work, '_site');
    let outcome: IngestOutcome;
    let reused: number;
    let pages: Awaited<ReturnType<typeof renderSite>>;
    {
      // The records in memory go once the site data is made from them (a report page reads its
      // record from the data folder), and only what the messages need stays.
      const ingest = await timed(timings, 'ingest', () => {
        const ingesting = ingestFolder(options.reports, { cache: options.cache, pool: { keep: options.keepWorkers ?? false } });
        void loadEleventy();
        return ingesting;
      });
      const before = await publishedCount(options.out);
      if (!options.allowShrink && before >= SHRINK_FROM && ingest.reports.length < before / 2) {
        throw new BuildError(
          `this build would publish ${ingest.reports.length} reports where the site has ${before} ` +
            `(${ingest.failures.length} files could not be read): is ${options.reports} complete? ` +
            'The previous site is left in place; build with --allow-shrink if the reports were removed on purpose',
        );
      }
      const written = await timed(timings, 'data', () => writeData(ingest, options.reports, data, reuse ? join(options.out, 'data') : null));
      reused = written.reused;
      outcome = { reports: ingest.reports.map(digestOf), failures: ingest.failures, cache: ingest.cache };
      ingest.markdown.clear();
      // The site data keeps what the lists show; a report page reads its record from data/reports/
      // when it is rendered. The records in memory go here, before the pages are rendered.
      // Each record's digest (of its record and Markdown) stands for it in the pages' digests.
      pages = await timed(timings, 'Eleventy', () => {
        const portal = buildSiteData(ingest.reports, ingest.failures, written.checksums, { recordOf: recordsIn(data) });
        ingest.reports = [];
        return renderSite(portal, written.digests, data, site, reuse ? options.out : null);
      });
    }
    const search = await timed(timings, 'Pagefind', () => writeSearchIndex(site, data, reuse ? options.out : null));
    // Every step finished: swap the new folders in (journalled, undone if a rename fails).
    await markComplete(work);
    try {
      await swapIn(work, options.out);
    } catch (error) {
      throw new BuildError(`could not put the new site in place (${(error as NodeJS.ErrnoException).code ?? String(error)}); the previous site is left in place`);
    }
    return { ingest: outcome, timings, pages: pages.written + pages.reused, reused, reusedPages: pages.reused, search, siteJson: pages.siteJson };
  } finally {
    // Renamed first, so that a removal cut short is known for what it is by the next build.
    const removed = join(builds, `${REMOVED}${basename(work)}`);
    const folders = [...leftovers, (await rename(work, removed).then(() => true, () => false)) ? removed : work];
    await release();
    const mode = options.removal ?? 'wait';
    if (mode === 'detached') {
      removeDetached(folders);
    } else {
      const removal = Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
      if (mode === 'background') {
        removal.catch(() => undefined);
      } else {
        await removal;
        // The .build folder itself goes too, unless another build is using it.
        await rmdir(builds).catch(() => undefined);
      }
    }
  }
}

/** The prefixes of a build's folder in .build, and of one that is being removed. */
const RUN = 'run-';
const REMOVED = 'removed-';

/** Removes folders in a process of its own, which goes on after this one exits. */
function removeDetached(folders: string[]): void {
  const script = 'for (const folder of JSON.parse(process.argv[1])) require("node:fs").rmSync(folder, { recursive: true, force: true });';
  spawn(process.execPath, ['-e', script, JSON.stringify(folders)], { detached: true, stdio: 'ignore' }).unref();
}
