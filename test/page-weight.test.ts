/**
 * No page grows with the number of reports (issue 14): two sites built from reports made by
 * `npm run make-reports` (distinct agencies, the samples' years), one four times the other, and
 * every kind of page (a report's, an agency's, a year's pages, a region's, the findings' pages,
 * compare, the home page …) is no larger in the bigger site than in the smaller, give or take a
 * little (names are longer in a larger numbered county, a pager has more links up to its nine). The long lists are split into pages of 5
 * in the test builds (build-env.ts), as a real site splits them into pages of 100 to 500, so that
 * both sites are past the point where a page is full. The list of regions and the agency list's
 * regions grow with the regions (a country's counties, not its reports; the generated agencies add
 * a county for every copy of the samples): for those the bytes per region are bounded instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReports } from '../scripts/make-reports.ts';
import { runBuild } from './built-site/shared-build.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** Each page of a built site: its kind (its address with the slugs, years and numbers taken out) and size. */
function pages(site: string): Array<{ path: string; kind: string; bytes: number }> {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const path = relative(site, join(entry.parentPath, entry.name));
      const kind = path
        .replace(/^data\/(reports|sources|bulk)\/.*/, 'data/$1/*')
        .replace(/^agencies\/[^/]+\/\d{4}\//, 'agencies/*/<year>/')
        .replace(/^agencies\/[^/]+\/index/, 'agencies/*/index')
        .replace(/^years\/\d{4}\//, 'years/<year>/')
        // A list's later pages are of the kind of its first.
        .replace(/page\/\d+\//, '')
        .replace(/^regions\/.+\/index/, 'regions/*/index')
        .replace(/^findings\/[^/]+\//, 'findings/<rule>/');
      return { path, kind, bytes: statSync(join(site, path)).size };
    })
    .filter((page) => !page.kind.startsWith('data/') || page.kind === 'data/index.html' || page.kind.startsWith('data/dictionary'));
}

function largestByKind(list: ReturnType<typeof pages>): Map<string, { path: string; bytes: number }> {
  const largest = new Map<string, { path: string; bytes: number }>();
  for (const page of list) if ((largest.get(page.kind)?.bytes ?? -1) < page.bytes) largest.set(page.kind, page);
  return largest;
}

async function buildOf(count: number): Promise<string> {
  const reports = temporaryFolder(`gongkai-weight-${count}-`);
  await makeReports(count, reports);
  const out = temporaryFolder(`gongkai-weight-out-${count}-`);
  await runBuild(['--reports', reports, '--out', out, '--fresh']);
  return join(out, '_site');
}

/**
 * What a page may gain besides 10 %: its pager's links, of which a page shows at most nine
 * (pagerOf), fewer in the smaller site, where a list has fewer pages.
 */
const SLACK = 3 * 1024;

/** Regions listed on a page: the links to region pages. */
const regionLinks = (html: string) => (html.match(/href="\/regions\/[^"]+\/"/g) ?? []).length;

describe('the weight of the pages', () => {
  it('does not grow with the number of reports: every kind of page as large at 96 reports as at 24', async () => {
    const [small, large] = [await buildOf(24), await buildOf(96)];
    const before = largestByKind(pages(small));
    const after = largestByKind(pages(large));
    // Every kind of page in both.
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.size).toBeGreaterThan(15);
    const growing = new Set(['regions/index.html', 'agencies/index.html']);
    for (const [kind, page] of after) {
      if (growing.has(kind)) continue;
      expect(page.bytes, `${kind}: ${page.path} ${page.bytes} bytes at 96 reports, ${before.get(kind)!.path} ${before.get(kind)!.bytes} at 24`).toBeLessThanOrEqual(before.get(kind)!.bytes * 1.1 + SLACK);
    }
    for (const kind of growing) {
      const [htmlSmall, htmlLarge] = [readFileSync(join(small, kind), 'utf8'), readFileSync(join(large, kind), 'utf8')];
      expect(regionLinks(htmlLarge)).toBeGreaterThan(regionLinks(htmlSmall));
      // What each region more costs the page.
      const perRegion = (Buffer.byteLength(htmlLarge) - Buffer.byteLength(htmlSmall)) / (regionLinks(htmlLarge) - regionLinks(htmlSmall));
      expect(perRegion, kind).toBeLessThan(200);
    }
    const largest = (map: Map<string, { bytes: number }>) => Math.max(...[...map.values()].map((page) => page.bytes));
    expect(largest(after)).toBeLessThanOrEqual(largest(before) * 1.1 + SLACK);
  }, 600_000);
});
