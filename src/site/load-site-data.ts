/**
 * The site's data: the validated records written by `npm run ingest`, loaded once per build and
 * arranged by agency, year and region. Templates only render what this returns; they never
 * parse a report or add numbers up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_LABELS } from '../report-format/tables.ts';
import { SCHEMA_VERSION, type Block, type Report, type Severity } from '../schema/report.ts';
import { countBySeverity } from '../diagnostics/findings.ts';
import { PARTS, type PartSpec } from '../report-format/parts.ts';
import { originalFileName, reportSourceName } from '../publish/source-file-name.ts';
import type { IngestFailure } from '../ingest/ingest-folder.ts';
import { ALL_METRICS, reportMetrics, type Metrics } from '../figures/metrics.ts';
import { applicationsLayout, layoutContext, proactiveLayouts, reviewLitigationLayout, type TableLayout } from './table-layouts.ts';
import { originalAt } from './provenance.ts';
import { templateDescription } from '../report-format/templates/index.ts';
import { formatNumber } from './filters.ts';
import { siteAddress } from './site-address.ts';
import { readerFindings, type ReaderFinding } from './reader-findings.ts';
import { agencyCharts, METRIC_COLOURS, yearCharts, type ChartSpec } from './chart-data.ts';
import { ruleLabel } from './rule-labels.ts';
import type { ChecksumEntry } from '../publish/bulk.ts';
import { listingGroups, type ListingGroup } from '../publish/bulk-listing.ts';
import { dataDictionary, type DictionaryEntry } from '../publish/data-dictionary.ts';
import { searchParts } from './search-parts.ts';
import { regionPages, type RegionNode, type RegionPage } from './region-pages.ts';
import { listPages, pageRows, pagerOf, type ListPage, type PagerItem } from './list-pages.ts';
export { listPages, pageRows, pagerOf, type ListPage, type PagerItem } from './list-pages.ts';
import { formatShare, INDICATORS, reportIndicators, type IndicatorValue } from '../figures/indicators.ts';

function indicatorsOf(metrics: Metrics): Record<string, IndicatorValue & { text: string }> {
  const values = reportIndicators(metrics);
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { ...value, text: formatShare(value) }]));
}

/**
 * The pages' addresses, made here only: the templates take them from the page objects, Eleventy
 * writes each page at its object's address, and puts the site's path before them all.
 */
const agencyAddress = (slug: string) => `/agencies/${slug}/`;
const reportAddress = (slug: string, year: number) => `${agencyAddress(slug)}${year}/`;
const yearAddress = (year: number) => `/years/${year}/`;

/** Part 6's fees as the report page lists them, or null where the report states none of them. */
function feeRows(fees: Report['fees']): Array<{ label: string; text: string }> | null {
  const rows = [
    { label: '信息处理费·发出收费通知', value: fees.noticesSent, unit: '件' },
    { label: '信息处理费·通知金额', value: fees.amountNotifiedYuan, unit: '元' },
    { label: '信息处理费·实际收取', value: fees.amountCollectedYuan, unit: '元' },
  ];
  if (rows.every((row) => row.value === null)) return null;
  return rows.map(({ label, value, unit }) => ({ label, text: value === null ? '未说明' : `${formatNumber(value)} ${unit}` }));
}

/**
 * What the lists of reports show of a report (the agency, year, findings, dates, the file), kept
 * for every report through the whole build. The record itself is `ReportPage.record`.
 */
export interface ReportSummary {
  id: string;
  year: number;
  title: Report['title'];
  publishedOn: Report['publishedOn'];
  agency: Report['agency'];
  findings: Report['findings'];
  source: Pick<Report['source'], 'path'>;
}

/** Where the pages take a report's whole record from, by its id (see BuildSiteOptions.recordOf). */
export type RecordSource = (id: string) => Report;

export interface ReportPage {
  /** What the lists of reports show of it. */
  report: ReportSummary;
  /** The whole record, for its own page: read when the page is rendered (see BuildSiteOptions). */
  readonly record: Report;
  /** The page's address, /agencies/<slug>/<year>/, and its title (for the pages' front matter). */
  address: string;
  /** Its agency's page, /agencies/<slug>/ (its other years are under it). */
  agencyAddress: string;
  title: string;
  metrics: Metrics;
  /** How many errors, warnings and notes the checks found (the editors' status page). */
  findingCounts: Record<Severity, number>;
  /** The indicators (indicators.ts), as numbers and as the pages write them. */
  indicators: Record<string, IndicatorValue & { text: string }>;
  /** How recent the page's data is (see dataAsOf). */
  updated: string;
  /** The years the same agency published, oldest first (for links between them). */
  agencyYears: number[];
  /**
   * The six parts in order, each with its prose and, for parts 2 to 4, its table(s), and where
   * the source states the report's address, a link to the part on the agency's page.
   */
  parts: Array<{
    part: number;
    heading: string;
    found: boolean;
    blocks: Block[];
    tables: TableLayout[];
    original: string | null;
    /** Part 6: the information-processing fees the report states (a blank as 未说明), or null if it states none. */
    fees: Array<{ label: string; text: string }> | null;
  }>;
  /** The template the report's tables follow, as a reader is told it. */
  templateName: string;
  /** The findings in a reader's words, each pointing at its cells (reader-findings.ts). */
  readerFindings: ReaderFinding[];
  /** The file names of the downloads, under /data/. */
  files: { json: string; csv: string; markdown: string; source: string; sourceName: string };
}

export interface AgencyPage {
  slug: string;
  name: string;
  /** The page's address, /agencies/<slug>/. */
  address: string;
  region: string[];
  /** Every name the agency published under, as published. */
  publishedNames: string[];
  reports: ReportPage[];
  charts: ChartSpec[];
  updated: string;
}

/**
 * One page of a year's reports: a year of thousands of agencies is split into pages of
 * `pageRows()` reports, by agency name, so that no page grows with the number of agencies. The
 * first is /years/<year>/, the others /years/<year>/page/<n>/.
 */
export interface YearPage {
  year: number;
  /** The page's address and its title. */
  address: string;
  title: string;
  /** This page's reports, by agency name. */
  reports: ReportPage[];
  charts: ChartSpec[];
  updated: string;
  /** Which page of the year this is (from 1), and every page of the year, with its first and last agency. */
  pageNumber: number;
  /** The year's pages, and the links this page shows to them (see pagerOf). */
  pageLinks: Array<{ number: number; address: string; first: string; last: string }>;
  pager: PagerItem[];
  /** How many reports the year has on all its pages. */
  yearReports: number;
}

/** A year: its first page's address and its number of reports (the lists of years). */
export interface YearSummary {
  year: number;
  address: string;
  count: number;
}

export type { RegionNode, RegionPage };

export interface SiteData {
  reports: ReportPage[];
  agencies: AgencyPage[];
  /** The years, newest first. */
  years: YearSummary[];
  /** The pages of every year's reports (see YearPage). */
  yearPages: YearPage[];
  /** The regions as a tree, each with its page (region-pages.ts). */
  regions: RegionNode[];
  /** The page of the agencies whose region no report or registry entry states, if there are any. */
  withoutRegion: RegionPage | null;
  /** Every region's page. */
  regionPages: RegionPage[];
  failures: IngestFailure[];
  metrics: typeof ALL_METRICS;
  /** The indicators and their formulas (indicators.ts). */
  indicators: typeof INDICATORS;
  /** Each figure's colour in every chart (chart-data.ts). */
  metricColours: typeof METRIC_COLOURS;
  /** Every finding of every report, for the findings page. */
  findings: Array<{ page: ReportPage; finding: Report['findings'][number]; reader: ReaderFinding }>;
  schemaVersion: string;
  /** The bulk downloads with their sizes and checksums (and their .gz copies'), in groups: all, tables, each year, about. */
  downloads: ListingGroup[];
  /** Every key of a record, from the published JSON Schema. */
  dictionary: DictionaryEntry[];
  /** The dictionary by the record's top-level keys, in the record's order, each with its name. */
  dictionaryGroups: Array<{ key: string; label: string; entries: DictionaryEntry[] }>;
  /** The address the site is published at, for the feed and the sitemap (GONGKAI_SITE_URL). */
  siteUrl: string;
  /** The path the site is under (/ or /zfxxgk/nb/), for the scripts that make addresses themselves. */
  basePath: string;
  /** How recent the site's data is, for the pages made from the whole site (see dataAsOf). */
  updated: string;
  /** Where readers report a wrong number to the site's editors (GONGKAI_CONTACT), if it is set. */
  contact: string | null;
  /** Reports for the Atom feed, newest first, each with the date it is listed under. */
  feed: Array<{ page: ReportPage; feedDate: string }>;
  feedUpdated: string;
  /** Every page's address, for the sitemap. */
  addresses: string[];
  /** The rules that found something, with how often, and the address of their findings' first page. */
  rules: Array<{ id: string; label: string; count: number; address: string }>;
  /** The findings rule by rule, in pages of pageRows('findings'): /findings/<rule>/, /findings/<rule>/page/<n>/. */
  findingPages: Array<ListPage<SiteData['findings'][number]> & { rule: { id: string; label: string; count: number } }>;
  /** Each report's count of errors, warnings and notes for the editors, in pages of pageRows('status'). */
  statusPages: Array<ListPage<ReportPage>>;
  /** Applications received per year: the sum of 本年新收 总计, and how many reports left it blank. */
  receivedByYear: Array<{ year: number; address: string; total: number; reports: number; blank: number }>;
  /** How many parts the search index is in (src/build/search-index.ts), for the search page. */
  searchParts: number;
  /**
   * The report, agency and year pages to render: all of them, unless the build renders fewer (it
   * reuses unchanged pages from the last build and renders in passes; see build-portal.ts).
   */
  render: PageSet;
}

/**
 * How recent a page's data is, in words: the latest date on which one of its reports was
 * published, or, where none states one, its latest report year. A function of the page's own
 * reports, so that a page reused from the last build (page-reuse.ts) still says the same.
 */
export function dataAsOf(reports: ReadonlyArray<Pick<Report, 'publishedOn' | 'year'>>): string {
  if (reports.length === 0) return '';
  const dates = reports.map((report) => report.publishedOn).filter((date): date is string => date !== null).sort();
  const latest = dates.at(-1);
  if (latest) {
    const [year, month, day] = latest.split('-').map(Number);
    return `本页数据更新至${year}年${month}月${day}日（所含报告中最新的发布日期）`;
  }
  const year = Math.max(...reports.map((report) => report.year));
  return `本页数据更新至${year}年度报告（报告未注明发布日期）`;
}

/** Report, agency, year and region pages: the paginated templates' data. */
export interface PageSet {
  reports: ReportPage[];
  agencies: AgencyPage[];
  years: YearPage[];
  regions: RegionPage[];
}

/** A year's reports in pages of pageRows('year'), by agency name. */
function yearPages(year: number, sorted: ReportPage[]): YearPage[] {
  const pages = listPages(sorted, pageRows('year'), yearAddress(year));
  // The year's pager names each page's first and last agency.
  const pageLinks = pages.map(({ number, address, items }) => ({
    number,
    address,
    first: items[0]!.report.agency.canonicalName,
    last: items.at(-1)!.report.agency.canonicalName,
  }));
  const several = pages.length > 1;
  return pages.map(({ number, address, items }) => ({
    year,
    address,
    title: several ? `${year}年度（第${number}页，共${pages.length}页）` : `${year}年度`,
    reports: items,
    charts: yearCharts(year, items, several ? `（第${number}页）` : ''),
    updated: dataAsOf(items.map((page) => page.report)),
    pageNumber: number,
    pageLinks,
    pager: pagerOf(pageLinks, number),
    yearReports: sorted.length,
  }));
}

// One collator for every sort, made once: the same order as `localeCompare(b, 'zh-CN')` (and,
// for ids and dates, `localeCompare(b)`).
const chinese = new Intl.Collator('zh-CN').compare;
const byDefaultLocale = new Intl.Collator().compare;
const byName = (a: { name: string }, b: { name: string }) => chinese(a.name, b.name);
const byAgencyName = (a: ReportPage, b: ReportPage) => chinese(a.report.agency.canonicalName, b.report.agency.canonicalName);

/** The dictionary's groups: the record's top-level keys that hold fields, the others together as 报告. */
const DICTIONARY_GROUPS: Readonly<Record<string, string>> = {
  agency: '机构',
  contact: '联系方式',
  preamble: '导语',
  sections: '报告的六个部分',
  proactive: `${TABLE_LABELS.proactive}（第二部分）`,
  applications: `${TABLE_LABELS.applications}（第三部分）`,
  reviewLitigation: `${TABLE_LABELS.reviewLitigation}（第四部分）`,
  fees: '信息处理费（第六部分）',
  findings: '发现的问题',
  checks: '勾稽关系核对情况',
  source: '来源',
};

/** Entries grouped by the first key of their paths, in the record's order; single fields as 报告. */
function dictionaryGroups(entries: DictionaryEntry[]): SiteData['dictionaryGroups'] {
  const groups = new Map<string, DictionaryEntry[]>();
  for (const entry of entries) {
    const first = entry.path.split(/[.[]/)[0]!;
    const key = first in DICTIONARY_GROUPS ? first : 'report';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()].map(([key, members]) => ({ key, label: DICTIONARY_GROUPS[key] ?? '报告', entries: members }));
}

/** How many reports the Atom feed lists, newest first. */
export const FEED_ENTRIES = 100;

/** A page's own record, kept in memory (the default). */
const ownRecord = (report: Report) => () => report;

/** A page's record read by its id (made here, where no closure can hold the record itself). */
const recordById = (recordOf: RecordSource, id: string) => () => recordOf(id);

/**
 * The records a build wrote into `folder` (data/reports/<id>.json), each read when its page is
 * rendered. The last few read are kept: a report page asks for its record and then its parts,
 * one after the other.
 */
export function recordsIn(folder: string): RecordSource {
  const recent = new Map<string, Report>();
  return (id) => {
    let record = recent.get(id);
    if (!record) {
      record = readRecord(join(folder, 'reports', `${id}.json`));
      recent.set(id, record);
      if (recent.size > 8) recent.delete(recent.keys().next().value!);
    }
    return record;
  };
}

/**
 * A report's page. Its summary, figures, findings in a reader's words and the cells they mark are
 * made now, from `report`; what needs the whole record (the page's parts and table layouts) is
 * made when the page is rendered, from `recordOf()`. No function made here holds `report` itself,
 * so that the site data does not keep the record alive where recordOf reads it from disk.
 */
function reportPage(report: Report, recordOf: () => Report): ReportPage {
  const id = report.id;
  const metrics = reportMetrics(report);
  // The findings' words, for the findings' pages, and the cells they mark in the tables (a few
  // paths and numbers: kept, rather than worked out again from the record with the page).
  const { findings: reader, marks } = readerFindings(report);
  const partsOf = (): ReportPage['parts'] => {
    const record = recordOf();
    // Every table is shown under its part, even where the report's heading for it is missing.
    const context = layoutContext(record, marks);
    const tablesOf: Partial<Record<PartSpec['key'], TableLayout[]>> = {
      proactive: proactiveLayouts(record, context),
      applications: [applicationsLayout(record, context)],
      reviewLitigation: [reviewLitigationLayout(record, context)],
    };
    const url = record.source.metadata?.url ?? null;
    return PARTS.map((spec) => {
      const section = record.sections.find((candidate) => candidate.part === spec.part);
      return {
        part: spec.part,
        heading: section?.heading ?? spec.title,
        found: section !== undefined,
        blocks: (section?.blocks ?? []).filter((block) => block.type !== 'table'),
        tables: tablesOf[spec.key] ?? [],
        original: originalAt(url, section?.heading ?? null),
        fees: spec.part === 6 ? feeRows(record.fees) : null,
      };
    });
  };
  return {
    report: {
      id,
      year: report.year,
      title: report.title,
      publishedOn: report.publishedOn,
      agency: report.agency,
      findings: report.findings,
      source: { path: report.source.path },
    },
    get record() {
      return recordOf();
    },
    address: reportAddress(report.agency.slug, report.year),
    agencyAddress: agencyAddress(report.agency.slug),
    templateName: templateDescription(report.template).name,
    title: `${report.agency.canonicalName} ${report.year}年度政府信息公开工作年度报告`,
    metrics,
    findingCounts: countBySeverity(report.findings),
    indicators: indicatorsOf(metrics),
    updated: dataAsOf([report]),
    // The parts and their table layouts are made each time the page is rendered (once), not kept:
    // a build that reuses most pages from the one before (page-reuse.ts) never needs most of them,
    // and a site of 10,000 reports would otherwise hold every report's layouts, cell by cell.
    get parts() {
      return partsOf();
    },
    readerFindings: reader,
    agencyYears: [],
    files: {
      json: `reports/${id}.json`,
      csv: `reports/${id}.csv`,
      markdown: `reports/${id}.md`,
      source: `sources/${reportSourceName(id, report.source.path)}`,
      sourceName: originalFileName(report.source.path),
    },
  };
}

export interface BuildSiteOptions {
  /**
   * Where a report page takes its record from when it is rendered. By default the records given
   * are kept in memory; a build passes a reader of the records it wrote (recordsIn), so that the
   * site data holds only what the lists show: at 10,000 reports the records are ~0.8 GB of heap
   * that every collection in Eleventy's passes would otherwise walk.
   */
  recordOf?: RecordSource;
}

export function buildSiteData(reports: Report[], failures: IngestFailure[], downloads: ChecksumEntry[] = [], options: BuildSiteOptions = {}): SiteData {
  const dictionary = dataDictionary();
  const { siteUrl, pathPrefix } = siteAddress();
  const { recordOf } = options;
  const pages: ReportPage[] = reports.map((report) => reportPage(report, recordOf ? recordById(recordOf, report.id) : ownRecord(report)));

  const agencyMap = new Map<string, AgencyPage>();
  for (const page of pages) {
    const { agency } = page.report;
    let entry = agencyMap.get(agency.slug);
    if (!entry) {
      entry = {
        slug: agency.slug,
        name: agency.canonicalName,
        address: agencyAddress(agency.slug),
        region: agency.region,
        publishedNames: [],
        reports: [],
        charts: [],
        updated: '',
      };
      agencyMap.set(agency.slug, entry);
    }
    if (!entry.publishedNames.includes(agency.name)) entry.publishedNames.push(agency.name);
    if (entry.region.length === 0) entry.region = agency.region;
    entry.reports.push(page);
  }
  const agencies = [...agencyMap.values()].sort(byName);
  for (const agency of agencies) {
    agency.reports.sort((a, b) => a.report.year - b.report.year);
    agency.charts = agencyCharts(agency);
    agency.updated = dataAsOf(agency.reports.map((page) => page.report));
    const years = agency.reports.map((page) => page.report.year);
    for (const page of agency.reports) page.agencyYears = years;
  }

  const yearMap = new Map<number, ReportPage[]>();
  for (const page of pages) {
    const yearReports = yearMap.get(page.report.year);
    if (yearReports) yearReports.push(page);
    else yearMap.set(page.report.year, [page]);
  }
  const byYear = [...yearMap.entries()].sort(([a], [b]) => b - a).map(([year, yearReports]) => ({ year, reports: yearReports.sort(byAgencyName) }));
  const years: YearSummary[] = byYear.map(({ year, reports: yearReports }) => ({ year, address: yearAddress(year), count: yearReports.length }));
  const allYearPages = byYear.flatMap(({ year, reports: yearReports }) => yearPages(year, yearReports));
  const regions = regionPages(agencies, (list) => dataAsOf(list.flatMap((agency) => agency.reports.map((page) => page.report))));

  const receivedByYear = [...byYear]
    .sort((a, b) => a.year - b.year)
    .map(({ year, reports: yearReports }) => {
      const known = yearReports.map((page) => page.metrics['newReceived']).filter((value): value is number => value != null);
      return {
        year,
        address: yearAddress(year),
        total: known.reduce((total, value) => total + value, 0),
        reports: yearReports.length,
        blank: yearReports.length - known.length,
      };
    });

  const findings = [...pages]
    .sort((a, b) => byAgencyName(a, b) || a.report.year - b.report.year)
    .flatMap((page) => page.report.findings.map((finding, index) => ({ page, finding, reader: page.readerFindings[index]! })));
  const ruleCounts = new Map<string, number>();
  for (const { finding } of findings) ruleCounts.set(finding.rule, (ruleCounts.get(finding.rule) ?? 0) + 1);
  const rules = [...ruleCounts.entries()]
    .map(([id, count]) => ({ id, label: ruleLabel(id), count, address: `/findings/${id.replace(/[^a-z0-9-]/gi, '-')}/` }))
    .sort((a, b) => b.count - a.count || byDefaultLocale(a.id, b.id));
  // Within a rule, the newest year first, then by agency.
  const byYearAndAgency = (a: { page: ReportPage }, b: { page: ReportPage }) => b.page.report.year - a.page.report.year || byAgencyName(a.page, b.page);
  const findingPages = rules.flatMap((rule) =>
    listPages(findings.filter(({ finding }) => finding.rule === rule.id).sort(byYearAndAgency), pageRows('findings'), rule.address).map((page) => ({
      ...page,
      rule: { id: rule.id, label: rule.label, count: rule.count },
    })),
  );

  // The feed lists reports by the date they were published (or, without one, the end of their year).
  // The latest FEED_ENTRIES only: a reader's feed client asks for it again and again.
  const feed = pages
    .map((page) => ({ page, feedDate: page.report.publishedOn ?? `${page.report.year}-12-31` }))
    .sort((a, b) => byDefaultLocale(b.feedDate, a.feedDate) || byDefaultLocale(a.page.report.id, b.page.report.id))
    .slice(0, FEED_ENTRIES);

  // The paginated pages' addresses, for the sitemap (which takes the site's other pages from Eleventy).
  const addresses = [
    ...agencies.map((agency) => agency.address),
    ...pages.map((page) => page.address),
    ...allYearPages.map((year) => year.address),
    ...regions.pages.map((region) => region.address),
  ];

  const reportsByYear = [...pages].sort((a, b) => b.report.year - a.report.year || byAgencyName(a, b));
  return {
    findingPages,
    statusPages: listPages(reportsByYear, pageRows('status'), '/status/'),
    addresses,
    schemaVersion: SCHEMA_VERSION,
    feed,
    feedUpdated: feed[0]?.feedDate ?? '2000-01-01',
    updated: dataAsOf(pages.map((page) => page.report)),
    downloads: listingGroups(downloads),
    dictionary,
    dictionaryGroups: dictionaryGroups(dictionary),
    siteUrl,
    basePath: pathPrefix,
    contact: process.env['GONGKAI_CONTACT']?.trim() || null,
    findings,
    rules,
    reports: reportsByYear,
    agencies,
    years,
    yearPages: allYearPages,
    regions: regions.tree,
    withoutRegion: regions.unknown,
    regionPages: regions.pages,
    failures,
    metrics: ALL_METRICS,
    metricColours: METRIC_COLOURS,
    indicators: INDICATORS,
    receivedByYear,
    searchParts: searchParts(pages.length + agencies.length),
    render: { reports: pages, agencies, years: allYearPages, regions: regions.pages },
  };
}

/**
 * One record as ingest wrote it. Ingest validated it against the schema before writing it (and
 * the tests validate every published record again), so it is not validated a second time here,
 * which took a third of the loading time; a record written for another version of the schema is
 * refused, since the pages would misread it.
 */
function readRecord(path: string): Report {
  const record = JSON.parse(readFileSync(path, 'utf8')) as Report;
  if (record.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(
      `${path} was written for schema version ${String(record.schemaVersion)}, not ${SCHEMA_VERSION}: run npm run ingest again`,
    );
  }
  return record;
}

export function loadSiteData(folder: string): SiteData {
  const indexPath = join(folder, 'index.json');
  if (!existsSync(indexPath)) {
    throw new Error(`${indexPath} not found: run npm run ingest (npm run build does) before building the site`);
  }
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { reports: Array<{ id: string }>; failures: IngestFailure[] };
  const reports = index.reports.map((entry) => readRecord(join(folder, 'reports', `${entry.id}.json`)));
  const checksums = join(folder, 'checksums.json');
  const downloads = existsSync(checksums) ? (JSON.parse(readFileSync(checksums, 'utf8')) as ChecksumEntry[]) : [];
  return buildSiteData(reports, index.failures, downloads);
}

/**
 * The site data a build made, handed to Eleventy's configuration (which Eleventy loads itself):
 * the build renders the pages in passes from one site data (see src/build/build-portal.ts).
 * `pagesOnly`: this pass renders report, agency and year pages alone.
 */
let handed: { folder: string; site: SiteData; pagesOnly: boolean } | undefined;

export function handSiteData(folder: string, site: SiteData | undefined, pagesOnly = false): void {
  handed = site ? { folder, site, pagesOnly } : undefined;
}

/** The site data for the data folder: the one the build handed over, or read from the folder. */
export function siteDataFor(folder: string): { site: () => SiteData; pagesOnly: boolean } {
  if (handed?.folder === folder) {
    const { site, pagesOnly } = handed;
    return { site: () => site, pagesOnly };
  }
  let site: SiteData | undefined;
  return { site: () => (site ??= loadSiteData(folder)), pagesOnly: false };
}
