/**
 * The environment of every test build: the search index in three parts, the pages rendered in
 * passes of 20, and the long lists (a year's reports, the findings, the status) in pages of 5, as
 * a site of thousands of reports is built, so the tests see all three on a small site.
 */
export const BUILD_ENV = { ...process.env, GONGKAI_SEARCH_PARTS: '3', GONGKAI_PAGES_PER_PASS: '20', GONGKAI_PAGE_ROWS: '5' };
