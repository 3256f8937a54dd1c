/**
 * The regions' pages: the agencies grouped by region (长春市 › 南关区), a page per region at
 * /regions/<slug>/<slug>/ that lists the agencies directly in it (each with its years) and links
 * to the regions under it, and a page for the agencies whose region nothing states. Together they
 * list every agency without JavaScript, and no page lists more than one region's own agencies, in
 * pages of pageRows('region') where a region has more, so that the list of agencies (/agencies/),
 * the regions page and each region's page stay small however many there are.
 */
import { slugifyAgency } from '../extract/slugify-agency.ts';
import type { AgencyPage } from './load-site-data.ts';
import { listPages, pageRows, type PagerItem } from './list-pages.ts';

/** A region in the tree, for the regions page: its name, page, how many agencies are in it and under it. */
export interface RegionNode {
  name: string;
  address: string;
  /** Agencies in this region and in the regions under it. */
  count: number;
  children: RegionNode[];
}

/**
 * A page of a region: a paginated page of the site (rendered again only when it changed:
 * page-reuse.ts). A region with more agencies of its own than pageRows('region') lists them on
 * several pages, the first at the region's address, the others at <address>page/<n>/.
 */
export interface RegionPage {
  /** The page's address, and its title. */
  address: string;
  title: string;
  name: string;
  /** The regions above it, largest first, each with its page. */
  trail: Array<{ name: string; address: string }>;
  /** This page's agencies directly in the region, by name, each with its years. */
  agencies: Array<{ name: string; address: string; years: Array<{ year: number; address: string }> }>;
  /** How many agencies are directly in the region, on all its pages. */
  agencyCount: number;
  /** Which page of the region this is (from 1), and the links to its pages (none where it has one). */
  pageNumber: number;
  pager: PagerItem[];
  /** The regions directly under it. */
  children: Array<{ name: string; address: string; count: number }>;
  updated: string;
}

type RegionAgency = RegionPage['agencies'][number];

/** A region's pages: its agencies in pages of pageRows('region'). */
function pagesOf(region: Omit<RegionPage, 'agencies' | 'agencyCount' | 'pageNumber' | 'pager'>, agencies: RegionAgency[]): RegionPage[] {
  const pages = listPages(agencies, pageRows('region'), region.address);
  const several = pages.length > 1;
  return pages.map((page) => ({
    ...region,
    address: page.address,
    title: several ? `${region.title}（第${page.number}页，共${pages.length}页）` : region.title,
    agencies: page.items,
    agencyCount: agencies.length,
    pageNumber: page.number,
    pager: several ? page.pager : [],
  }));
}

const REGIONS = '/regions/';
/** The page of the agencies whose region no report or registry entry states. */
export const NO_REGION = { name: '未注明地区', address: `${REGIONS}unknown/` };

interface Draft {
  name: string;
  agencies: AgencyPage[];
  children: Map<string, Draft>;
}

const chinese = new Intl.Collator('zh-CN').compare;

/**
 * The tree and the pages. `dataAsOf` says how recent a page's data is (load-site-data.ts), from
 * the agencies' reports. Siblings whose names give the same pinyin get -2, -3 … in their order.
 */
export function regionPages(
  agencies: AgencyPage[],
  dataAsOf: (agencies: AgencyPage[]) => string,
): { tree: RegionNode[]; pages: RegionPage[]; unknown: RegionPage | null } {
  const root: Draft = { name: '', agencies: [], children: new Map() };
  const withoutRegion: AgencyPage[] = [];
  for (const agency of agencies) {
    if (agency.region.length === 0) {
      withoutRegion.push(agency);
      continue;
    }
    let node = root;
    for (const name of agency.region) {
      let child = node.children.get(name);
      if (!child) {
        child = { name, agencies: [], children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    node.agencies.push(agency);
  }
  const pages: RegionPage[] = [];
  const agencyList = (list: AgencyPage[]) =>
    [...list].sort((a, b) => chinese(a.name, b.name)).map((agency) => ({
      name: agency.name,
      address: agency.address,
      years: agency.reports.map((page) => ({ year: page.report.year, address: page.address })),
    }));
  const walk = (draft: Draft, address: string, trail: RegionPage['trail']): RegionNode[] => {
    const children = [...draft.children.values()].sort((a, b) => chinese(a.name, b.name));
    const used = new Map<string, number>();
    return children.map((child) => {
      const base = slugifyAgency(child.name) || 'region';
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      const childAddress = `${address}${seen === 1 ? base : `${base}-${seen}`}/`;
      const childTrail = [...trail, { name: child.name, address: childAddress }];
      const below = walk(child, childAddress, childTrail);
      const count = child.agencies.length + below.reduce((sum, node) => sum + node.count, 0);
      pages.push(
        ...pagesOf(
          {
            address: childAddress,
            title: childTrail.map((step) => step.name).join(' › '),
            name: child.name,
            trail,
            children: below.map(({ name, address: at, count: n }) => ({ name, address: at, count: n })),
            updated: dataAsOf(child.agencies),
          },
          agencyList(child.agencies),
        ),
      );
      return { name: child.name, address: childAddress, count, children: below };
    });
  };
  const tree = walk(root, REGIONS, []);
  const unknownPages = withoutRegion.length
    ? pagesOf({ ...NO_REGION, title: NO_REGION.name, trail: [], children: [], updated: dataAsOf(withoutRegion) }, agencyList(withoutRegion))
    : [];
  pages.push(...unknownPages);
  const unknown = unknownPages[0] ?? null;
  pages.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { tree, pages, unknown };
}
