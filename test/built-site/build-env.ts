/**
 * The environment of every test build: the search index in three parts, as a site of a thousand
 * reports has it in more, so the tests search across parts on a small site.
 */
export const BUILD_ENV = { ...process.env, GONGKAI_SEARCH_PARTS: '3' };
