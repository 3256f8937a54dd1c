/**
 * How many parts the search index is split into (see src/build/search-index.ts): one per ~250
 * searchable pages (an agency's page and its reports' pages), a power of two, at most 16, so a
 * small site has one index. GONGKAI_SEARCH_PARTS sets the number (the tests use it to search a
 * small site in parts). The search page and the build both ask here, so they always agree.
 */
const PAGES_PER_PART = 250;
const MAX_PARTS = 16;

export function searchParts(searchablePages: number): number {
  const forced = Number(process.env['GONGKAI_SEARCH_PARTS']);
  if (Number.isInteger(forced) && forced >= 1 && forced <= MAX_PARTS) return forced;
  let parts = 1;
  while (parts < MAX_PARTS && parts * PAGES_PER_PART < searchablePages) parts *= 2;
  return parts;
}

/** Where part `n` is in the site: part 0 with Pagefind's interface at /pagefind/, part n in a folder of it. */
export const partFolder = (n: number) => (n === 0 ? 'pagefind' : `pagefind/part-${n}`);
