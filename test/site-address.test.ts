/** GONGKAI_SITE_URL: the whole address for the feed and the sitemap, its path for the pages. */
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../src/site/site-address.ts';

describe('where the site is published', () => {
  it('is at the root unless told', () => {
    expect(siteAddress(undefined)).toEqual({ siteUrl: 'http://localhost:8080', pathPrefix: '/' });
    expect(siteAddress('https://www.example.gov.cn/')).toEqual({ siteUrl: 'https://www.example.gov.cn', pathPrefix: '/' });
  });

  it('takes the path of the address as the pages’ prefix, with or without a final slash', () => {
    for (const value of ['https://www.example.gov.cn/zfxxgk/nb', 'https://www.example.gov.cn/zfxxgk/nb/', ' https://www.example.gov.cn/zfxxgk/nb// ']) {
      expect(siteAddress(value)).toEqual({ siteUrl: 'https://www.example.gov.cn/zfxxgk/nb', pathPrefix: '/zfxxgk/nb/' });
    }
  });

  it('refuses what is not a web address, with a message that shows one', () => {
    expect(() => siteAddress('www.example.gov.cn/nb')).toThrow(/write it whole, e\.g\. https:\/\/www\.example\.gov\.cn\/zfxxgk\/nb/);
    expect(() => siteAddress('ftp://example.gov.cn/')).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => siteAddress('https://example.gov.cn/nb?x=1')).toThrow(/query or a fragment/);
  });
});
