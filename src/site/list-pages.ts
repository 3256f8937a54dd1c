/**
 * Long lists in pages: a year's reports, the findings of a kind, the editors' status, a region's
 * agencies. Each page shows its rows and a pager whose links do not grow with the list.
 */

/** A page of a long list: its address, number (from 1), rows and the links to the list's pages. */
export interface ListPage<T> {
  address: string;
  number: number;
  items: T[];
  /** Every page of the list. */
  links: Array<{ number: number; address: string }>;
  /** The links this page shows (pagerOf). */
  pager: PagerItem[];
}

/** A link of a pager, or a gap (…) where pages are left out. */
export type PagerItem = { number: number; address: string; current: boolean; first?: string; last?: string } | { gap: true };

/** Pages this far from the current one are linked, besides the first and the last. */
const PAGER_REACH = 3;

/**
 * The links a page of a long list shows: the first and the last page, and those within
 * PAGER_REACH of it, with a gap for the others, so that a page's links do not grow with the list.
 */
export function pagerOf<L extends { number: number; address: string }>(links: L[], current: number): PagerItem[] {
  const items: PagerItem[] = [];
  for (const link of links) {
    if (link.number === 1 || link.number === links.length || Math.abs(link.number - current) <= PAGER_REACH) {
      items.push({ ...link, current: link.number === current });
    } else if (!('gap' in (items.at(-1) ?? {}))) {
      items.push({ gap: true });
    }
  }
  return items;
}

/**
 * A list in pages of `size`: the first at `address`, the others at <address>page/<n>/. An empty
 * list has one empty page, so that its address still answers.
 */
export function listPages<T>(items: T[], size: number, address: string): Array<ListPage<T>> {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  if (chunks.length === 0) chunks.push([]);
  const links = chunks.map((_, index) => ({ number: index + 1, address: index === 0 ? address : `${address}page/${index + 1}/` }));
  return chunks.map((chunk, index) => ({ address: links[index]!.address, number: index + 1, items: chunk, links, pager: pagerOf(links, index + 1) }));
}

/**
 * How many rows a page of a long list has: a year's reports (100), the findings (200), the
 * editors' status of each report (500), a region's own agencies (200). GONGKAI_PAGE_ROWS sets them all (the tests split their
 * few reports into pages of a handful, as thousands are split).
 */
export function pageRows(list: 'year' | 'findings' | 'status' | 'region'): number {
  const set = Number(process.env['GONGKAI_PAGE_ROWS']);
  if (Number.isInteger(set) && set > 0) return set;
  return { year: 100, findings: 200, status: 500, region: 200 }[list];
}

