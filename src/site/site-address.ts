/**
 * Where the site is published: GONGKAI_SITE_URL, e.g. https://www.example.gov.cn/zfxxgk/nb (a
 * government site often serves such a portal under a path of its own). The feed and the sitemap
 * use the whole address; the pages use its path as Eleventy's path prefix (HtmlBasePlugin puts it
 * before every address in every page), so one setting moves the whole site.
 */
export interface SiteAddress {
  /** The address without its final slash: https://www.example.gov.cn/zfxxgk/nb. */
  siteUrl: string;
  /** Its path, with a slash at each end: /zfxxgk/nb/, or / at the root. */
  pathPrefix: string;
}

export const DEFAULT_SITE_URL = 'http://localhost:8080';

export function siteAddress(value: string | undefined = process.env['GONGKAI_SITE_URL']): SiteAddress {
  const text = (value ?? '').trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`GONGKAI_SITE_URL “${text}” is not an address: write it whole, e.g. https://www.example.gov.cn/zfxxgk/nb`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`GONGKAI_SITE_URL “${text}” must start with http:// or https://`);
  if (url.search || url.hash) throw new Error(`GONGKAI_SITE_URL “${text}” must not have a query or a fragment`);
  const path = url.pathname.replace(/\/+$/, '');
  return { siteUrl: `${url.origin}${path}`, pathPrefix: `${path}/` };
}
