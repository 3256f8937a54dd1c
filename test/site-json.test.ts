/**
 * The JSON files the pages' scripts fetch (src/site/site-json.ts), made from a real record: each
 * agency's and each year's compared figures as the record's metrics (a blank null, never 0), the
 * index of agencies; and a rebuild writes only the files whose text changed, linking the others
 * from the last build; the year pages in parts (pageRows), the region pages (region-pages.ts) and
 * the feed's bound.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSiteData, FEED_ENTRIES } from '../src/site/load-site-data.ts';
import { siteJsonFiles, writeSiteJson } from '../src/site/site-json.ts';
import { reportMetrics } from '../src/figures/metrics.ts';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, FIXTURES } from './fixture-cases.ts';
import { temporaryFolder } from './temporary-folder.ts';

const sample = expectedRecord<Report>(join(FIXTURES, 'pingtan-2023-jiaotong-jianshe'));

/** The sample as another agency's report (its name, region and slug) of a year. */
function copy(year: number, name: string, region: string[], change: (report: Report) => void = () => {}): Report {
  const report = structuredClone(sample);
  report.year = year;
  report.agency = { ...report.agency, name, canonicalName: name, region, slug: `agency-${[...name].map((c) => c.codePointAt(0)!.toString(36)).join('')}` };
  report.id = `${report.agency.slug}-${year}`;
  change(report);
  return report;
}

const blankNewReceived = (report: Report) => {
  (report.applications as { newReceived: { total: number | null } }).newReceived.total = null;
};

const saved = process.env['GONGKAI_PAGE_ROWS'];
afterEach(() => {
  if (saved === undefined) delete process.env['GONGKAI_PAGE_ROWS'];
  else process.env['GONGKAI_PAGE_ROWS'] = saved;
});

describe('the pages’ JSON files', () => {
  const reports = [
    copy(2022, '甲区教育局', ['甲市', '甲区']),
    copy(2023, '甲区教育局', ['甲市', '甲区'], blankNewReceived),
    copy(2023, '乙区民政局', ['甲市', '乙区']),
    copy(2023, '某局', []),
  ];

  it('hold each agency’s and each year’s figures as the records give them, a blank as null', () => {
    const site = buildSiteData(reports, []);
    const files = siteJsonFiles(site);
    const education = reports[0]!.agency.slug;
    expect([...files.keys()].sort()).toEqual([
      'data/site/agencies.json',
      ...site.agencies.map((agency) => `data/site/agencies/${agency.slug}.json`).sort(),
      'data/site/years/2022.json',
      'data/site/years/2023.json',
    ].sort());
    const agency = JSON.parse(files.get(`data/site/agencies/${education}.json`)!) as { name: string; metrics: string[]; reports: Array<{ year: number; values: Array<number | null> }> };
    expect(agency.name).toBe('甲区教育局');
    expect(agency.reports.map((report) => report.year)).toEqual([2022, 2023]);
    agency.reports.forEach((entry, n) => {
      const metrics = reportMetrics(reports[n]!);
      expect(entry.values).toEqual(agency.metrics.map((key) => metrics[key]));
    });
    expect(agency.reports[1]!.values[agency.metrics.indexOf('newReceived')]).toBeNull();
    expect(agency.reports[0]!.values[agency.metrics.indexOf('newReceived')]).toBe(reportMetrics(reports[0]!)['newReceived']);
    const year = JSON.parse(files.get('data/site/years/2023.json')!) as { reports: Array<{ name: string; values: unknown[] }> };
    expect(year.reports.map((report) => report.name).sort()).toEqual(['乙区民政局', '某局', '甲区教育局'].sort());
    const index = JSON.parse(files.get('data/site/agencies.json')!) as { agencies: Array<{ name: string; region: string[]; years: number[] }> };
    expect(index.agencies.find((entry) => entry.name === '甲区教育局')).toMatchObject({ region: ['甲市', '甲区'], years: [2022, 2023] });
  });

  it('are written again only where their text changed, the others linked from the last build', () => {
    const first = temporaryFolder('gongkai-site-json-');
    const files = siteJsonFiles(buildSiteData(reports, []));
    expect(writeSiteJson(files, first, null)).toEqual({ written: files.size, reused: 0 });
    // One report's figure changes: its agency's file and its year's change; the index does not.
    const changed = siteJsonFiles(buildSiteData([reports[0]!, reports[1]!, copy(2023, '乙区民政局', ['甲市', '乙区'], blankNewReceived), reports[3]!], []));
    const second = temporaryFolder('gongkai-site-json-');
    expect(writeSiteJson(changed, second, first)).toEqual({ written: 2, reused: files.size - 2 });
    for (const [path, text] of changed) {
      expect(readFileSync(join(second, path), 'utf8'), path).toBe(text);
      const linked = statSync(join(second, path)).ino === statSync(join(first, path)).ino;
      expect(linked, path).toBe(text === files.get(path));
    }
  });

  it('split a year into pages by agency name, and give each region a page of its own agencies', () => {
    process.env['GONGKAI_PAGE_ROWS'] = '2';
    const site = buildSiteData(reports, []);
    const pages2023 = site.yearPages.filter((page) => page.year === 2023);
    expect(pages2023.map((page) => page.address)).toEqual(['/years/2023/', '/years/2023/page/2/']);
    expect(pages2023.map((page) => page.reports.length)).toEqual([2, 1]);
    expect(pages2023.flatMap((page) => page.reports.map((report) => report.report.agency.name))).toEqual(['某局', '乙区民政局', '甲区教育局'].sort(new Intl.Collator('zh-CN').compare));
    expect(pages2023[1]!.pageLinks).toEqual(pages2023[0]!.pageLinks);
    expect(site.years.find((year) => year.year === 2023)!.count).toBe(3);
    // Every agency on exactly one region page; the regions nest.
    const listed = site.regionPages.flatMap((page) => page.agencies.map((agency) => agency.name));
    expect(listed.sort()).toEqual(site.agencies.map((agency) => agency.name).sort());
    expect(site.regions.map((node) => [node.name, node.count, node.children.map((child) => child.name)])).toEqual([['甲市', 2, ['甲区', '乙区'].sort(new Intl.Collator('zh-CN').compare)]]);
    expect(site.withoutRegion?.agencies.map((agency) => agency.name)).toEqual(['某局']);
    expect(site.addresses).toEqual(expect.arrayContaining([...site.regionPages.map((page) => page.address), ...site.yearPages.map((page) => page.address)]));
  });

  it('list a region’s own agencies in pages of pageRows, each agency once, the pages linked to each other', () => {
    process.env['GONGKAI_PAGE_ROWS'] = '2';
    const district = ['甲市', '丙区'];
    const many = ['丙区一局', '丙区二局', '丙区三局', '丙区四局', '丙区五局'].map((name) => copy(2023, name, district));
    const site = buildSiteData([...many, copy(2023, '某局', []), copy(2023, '另一局', [])], []);
    const pages = site.regionPages.filter((page) => page.name === '丙区');
    expect(pages.map((page) => page.address)).toEqual([0, 2, 3].map((n) => `/regions/jiashi/bingqu/${n ? `page/${n}/` : ''}`));
    expect(pages.map((page) => page.agencies.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.agencies.map((agency) => agency.name))).toEqual(many.map((report) => report.agency.name).sort(new Intl.Collator('zh-CN').compare));
    for (const [index, page] of pages.entries()) {
      expect(page).toMatchObject({ agencyCount: 5, pageNumber: index + 1, title: `甲市 › 丙区（第${index + 1}页，共3页）` });
      expect(page.pager.flatMap((item) => ('gap' in item ? [] : [item.address]))).toEqual(pages.map((other) => other.address));
    }
    // A region whose agencies fit on one page has no pager, as before; the unknown region is paged too.
    expect(site.regionPages.find((page) => page.name === '甲市')!.pager).toEqual([]);
    expect(site.withoutRegion).toMatchObject({ agencyCount: 2, address: '/regions/unknown/', pager: [] });
    expect(site.addresses).toEqual(expect.arrayContaining(pages.map((page) => page.address)));
  });

  it('list the latest FEED_ENTRIES reports in the feed, newest first', () => {
    const many = Array.from({ length: FEED_ENTRIES + 5 }, (_, n) => copy(2000 + (n % 25), `第${n}局`, [], (report) => {
      report.publishedOn = `${2001 + (n % 25)}-0${1 + (n % 9)}-1${n % 10}`;
    }));
    const site = buildSiteData(many, []);
    expect(site.feed).toHaveLength(FEED_ENTRIES);
    const dates = many.map((report) => report.publishedOn!).sort().reverse();
    expect(site.feed.map((entry) => entry.feedDate)).toEqual(dates.slice(0, FEED_ENTRIES));
  });
});
