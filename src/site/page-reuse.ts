/**
 * Rendering only the pages that changed. A report's, an agency's, a year's and a region's page is
 * a function of the page code (templates/, src/site/, .eleventy.ts, the parser code) and of its
 * own data: a report page of its record and the years its agency published; an agency's and a
 * year's page of their reports and charts (a year's page also of the links to the year's other
 * pages); a region's page of its agencies' names, addresses and years. Each such page gets a digest of exactly that. The build writes them
 * to <data>/pages.json with the SHA-256 of each page as written; the next build renders a page
 * again only where its digest differs, and links the others from the site before, after checking
 * that the file there is still the one it wrote. Pages made from the whole site (the home page,
 * the lists, compare, findings, the feed, the sitemap …) are always rendered.
 *
 * A page reused this way is the same file a full render would write, so a build that reuses
 * pages gives the same site, byte for byte, as one that renders everything (test/build.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeFingerprint } from '../ingest/cache.ts';
import { filesUnder, linkFilesAsync } from '../publish/link-files.ts';
import type { AgencyPage, PageSet, RegionPage, ReportPage, YearPage } from './load-site-data.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** The manifest's name in the data folder. */
export const PAGE_MANIFEST = 'pages.json';

interface Manifest {
  fingerprint: string;
  /** Address → the digest of the page's data, and the SHA-256 of the page as written. */
  pages: Record<string, { input: string; output: string }>;
}

/** The paginated pages to render in this build, and where the others come from. */
export interface RenderPlan extends PageSet {
  /** Every paginated page's address and digest. */
  digests: Map<string, string>;
  /** The pages linked from `previousSite`: address → the SHA-256 of the page. */
  reused: Map<string, string>;
  previousSite: string | null;
  fingerprint: string;
}


let fingerprint: string | undefined;

/**
 * A SHA-256 of everything besides a page's data that goes into it: the parser code (whose
 * fingerprint covers src/ but src/site/ and src/build/), the page code, the templates and the
 * site's address.
 */
export function pageFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(`${codeFingerprint()}\n${process.env['GONGKAI_SITE_URL'] ?? ''}\n`);
  const files = [...['src/site', 'templates'].flatMap((folder) => filesUnder(join(PROJECT, folder)).map((name) => join(folder, name))), '.eleventy.ts'];
  for (const path of files) hash.update(`${path}\n`).update(readFileSync(join(PROJECT, path))).update('\n');
  fingerprint = hash.digest('hex').slice(0, 32);
  return fingerprint;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const pageFile = (site: string, address: string) => join(site, ...address.split('/').filter(Boolean), 'index.html');

/**
 * Each page's digest. `recordDigests` gives a digest of each report's record (the data step's, of
 * its record and Markdown); everything else on a report page but its agency's years is computed
 * from the record by the page code.
 */
export function pageDigests(reports: ReportPage[], agencies: AgencyPage[], years: YearPage[], regions: RegionPage[], recordDigests: Map<string, string>): Map<string, string> {
  const digests = new Map<string, string>();
  const reportDigest = new Map<ReportPage, string>();
  for (const page of reports) {
    const record = recordDigests.get(page.report.id);
    if (!record) throw new Error(`no digest of the record ${page.report.id}`);
    const digest = sha256(`${record}\n${JSON.stringify(page.agencyYears)}`);
    reportDigest.set(page, digest);
    digests.set(page.address, digest);
  }
  for (const { reports: pages, ...agency } of agencies) {
    digests.set(agency.address, sha256(JSON.stringify({ ...agency, reports: pages.map((page) => reportDigest.get(page)) })));
  }
  // A year's page shows the range of its own page and its pager's links, not every page's range.
  for (const { reports: pages, pageLinks, ...year } of years) {
    const range = pageLinks[year.pageNumber - 1];
    digests.set(year.address, sha256(JSON.stringify({ ...year, range, pages: pageLinks.length, reports: pages.map((page) => reportDigest.get(page)) })));
  }
  // A region's page shows nothing of its agencies but what it holds itself.
  for (const region of regions) digests.set(region.address, sha256(JSON.stringify(region)));
  return digests;
}

function readManifest(dataFolder: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dataFolder, PAGE_MANIFEST), 'utf8')) as Manifest;
    return typeof manifest.fingerprint === 'string' && manifest.pages && typeof manifest.pages === 'object' ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Which pages to render. `previous` is the folder holding the last build's data/ and _site/, or
 * null to render every page. A page is reused only if the same page code wrote it from the same
 * digest and the file is still what that build wrote.
 */
export function planRender(pageSet: PageSet, recordDigests: Map<string, string>, previous: string | null): RenderPlan {
  const { reports, agencies, years, regions } = pageSet;
  const digests = pageDigests(reports, agencies, years, regions, recordDigests);
  const current = pageFingerprint();
  const manifest = previous ? readManifest(join(previous, 'data')) : null;
  const previousSite = previous && manifest?.fingerprint === current ? join(previous, '_site') : null;
  const reused = new Map<string, string>();
  if (previousSite && manifest) {
    for (const [address, digest] of digests) {
      const entry = manifest.pages[address];
      if (entry?.input !== digest) continue;
      try {
        if (sha256(readFileSync(pageFile(previousSite, address))) === entry.output) reused.set(address, entry.output);
      } catch {
        // Gone: rendered again.
      }
    }
  }
  const fresh = <T extends { address: string }>(pages: T[]) => pages.filter((page) => !reused.has(page.address));
  return {
    reports: fresh(reports),
    agencies: fresh(agencies),
    years: fresh(years),
    regions: fresh(regions),
    digests,
    reused,
    previousSite,
    fingerprint: current,
  };
}

/**
 * Links the reused pages into the site, from the build before: in libuv's thread pool, so that a
 * build does it while Eleventy renders the pages that changed (the two sets of pages are apart).
 */
export function linkReusedPages(plan: RenderPlan, site: string): Promise<void> {
  return linkFilesAsync([...plan.reused.keys()].map((address) => [pageFile(plan.previousSite!, address), pageFile(site, address)] as const));
}

/** After Eleventy wrote the site and the reused pages are linked (linkReusedPages): writes the manifest. */
export function finishPages(plan: RenderPlan, site: string, dataFolder: string): void {
  const pages: Manifest['pages'] = {};
  for (const [address, input] of [...plan.digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    pages[address] = { input, output: plan.reused.get(address) ?? sha256(readFileSync(pageFile(site, address))) };
  }
  writeFileSync(join(dataFolder, PAGE_MANIFEST), `${JSON.stringify({ fingerprint: plan.fingerprint, pages } satisfies Manifest, null, 1)}\n`);
}
