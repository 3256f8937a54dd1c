/**
 * The small JSON files the pages' scripts fetch, so that no page carries every report:
 *
 *   /data/site/agencies.json         every agency: slug, name, other published names, region, years
 *                                    (the agency list's filter and compare's picker, fetched when
 *                                    the reader starts typing)
 *   /data/site/agencies/<slug>.json  an agency's compared figures, year by year (compare)
 *   /data/site/years/<year>.json     a year's compared figures, agency by agency (compare)
 *
 * The figures are the metrics of src/figures/metrics.ts, in the order `metrics` gives, a blank
 * as null (never 0). The build writes them after the pages; a file whose bytes are the same as in
 * the previous build is linked from it rather than written, so a rebuild after one new report
 * writes the few files it changed (its agency's, its year's and the index).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkFiles, writeFiles } from '../publish/link-files.ts';
import type { ReportPage, SiteData } from './load-site-data.ts';

/** Where the files are in the site. */
export const SITE_JSON_FOLDER = 'data/site';

/** The files' paths under the site and their text. */
export function siteJsonFiles(site: Pick<SiteData, 'agencies' | 'years' | 'yearPages' | 'metrics'>): Map<string, string> {
  const metrics = site.metrics.map((metric) => metric.key);
  const values = (page: ReportPage) => metrics.map((key) => page.metrics[key] ?? null);
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => files.set(`${SITE_JSON_FOLDER}/${path}`, `${JSON.stringify(value)}\n`);
  put('agencies.json', {
    agencies: site.agencies.map((agency) => ({
      slug: agency.slug,
      name: agency.name,
      ...(agency.publishedNames.some((name) => name !== agency.name) ? { names: agency.publishedNames } : {}),
      region: agency.region,
      years: agency.reports.map((page) => page.report.year),
    })),
  });
  for (const agency of site.agencies) {
    put(`agencies/${agency.slug}.json`, {
      slug: agency.slug,
      name: agency.name,
      metrics,
      reports: agency.reports.map((page) => ({ year: page.report.year, values: values(page) })),
    });
  }
  for (const { year } of site.years) {
    const reports = site.yearPages.filter((page) => page.year === year).flatMap((page) => page.reports);
    put(`years/${year}.json`, {
      year,
      metrics,
      reports: reports.map((page) => ({ slug: page.report.agency.slug, name: page.report.agency.canonicalName, values: values(page) })),
    });
  }
  return files;
}

/**
 * Writes the files into `siteFolder`; one whose text is the same in `previousSite` (the last
 * build's site, or null) is linked from there. Returns how many were written and linked.
 */
export function writeSiteJson(files: Map<string, string>, siteFolder: string, previousSite: string | null): { written: number; reused: number } {
  const links: Array<[string, string]> = [];
  const writes: Array<[string, string]> = [];
  for (const [path, text] of files) {
    const target = join(siteFolder, path);
    let same = false;
    if (previousSite) {
      try {
        same = readFileSync(join(previousSite, path), 'utf8') === text;
      } catch {
        // Not in the last build: written.
      }
    }
    if (same) links.push([join(previousSite!, path), target]);
    else writes.push([text, target]);
  }
  linkFiles(links);
  writeFiles(writes);
  return { written: writes.length, reused: links.length };
}
