/**
 * The portal under a path of its own, as a government site often serves it: built with
 * GONGKAI_SITE_URL=https://www.example.gov.cn/zfxxgk/nb, every address in every page starts with
 * /zfxxgk/nb/, the feed and the sitemap give whole addresses, and in Chromium, served at that path,
 * the pages load without a failed request, their scripts fetch and link there, and the search
 * (in three parts) finds and links there.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { available, CHROMIUM, gotoSettled } from './harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../../scripts/serve.ts';
import { runBuild, sharedBuild } from '../built-site/shared-build.ts';
import { temporaryFolder } from '../temporary-folder.ts';

const PREFIX = '/zfxxgk/nb/';
const SITE_URL = 'https://www.example.gov.cn/zfxxgk/nb';

let site: string;
let server: Server;
let origin: string;
let browser: Browser | undefined;

beforeAll(async () => {
  const shared = sharedBuild();
  const cache = temporaryFolder('gongkai-prefix-cache-');
  cpSync(shared.cache, cache, { recursive: true });
  const out = temporaryFolder('gongkai-prefix-');
  await runBuild(['--reports', shared.reports, '--out', out, '--cache', cache], { GONGKAI_SITE_URL: SITE_URL });
  site = join(out, '_site');
  server = await serveFolder(site, 0, PREFIX);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const pagesOf = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));

describe('the portal under a path', () => {
  it('puts the path before every address of every page, and gives whole addresses in the feed and the sitemap', () => {
    const pages = pagesOf(site).filter((path) => !path.includes(`${join(site, 'data')}/`));
    expect(pages.length).toBeGreaterThan(50);
    let addresses = 0;
    for (const path of pages) {
      const html = readFileSync(path, 'utf8');
      for (const [, address] of html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
        expect(address!.startsWith(PREFIX), `${path}: ${address}`).toBe(true);
        addresses++;
      }
      expect(html).toContain(`data-base="${PREFIX}"`);
    }
    expect(addresses).toBeGreaterThan(1000);
    const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE_URL}/agencies/</loc>`);
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].every(([, loc]) => loc!.startsWith(`${SITE_URL}/`))).toBe(true);
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toContain(`<link rel="self" href="${SITE_URL}/feed.xml"/>`);
  });

  it.runIf(available)('loads its pages at the path without a failed request, and searches there', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => failed.push(`page error: ${error.message}`));
    for (const path of ['', 'agencies/chunxiaojiedao/2020/', 'agencies/nanguanqu-minzhengju/', 'compare/', 'data/']) {
      await gotoSettled(page, `${origin}${PREFIX}${path}`);
    }
    // The scripts fetch the site's JSON files under the path, and link under it.
    await gotoSettled(page, `${origin}${PREFIX}compare/?agency=chunxiaojiedao&year=2020`);
    await page.locator('#compare-table tbody a').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#compare-table tbody a').getAttribute('href')).toBe(`${PREFIX}agencies/chunxiaojiedao/2020/`);
    await gotoSettled(page, `${origin}${PREFIX}agencies/?q=chunxiao`);
    await page.locator('#agency-table tbody a').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#agency-table tbody a').first().getAttribute('href')).toBe(`${PREFIX}agencies/chunxiaojiedao/`);
    await gotoSettled(page, `${origin}${PREFIX}search/`);
    // Generous waits: on a loaded machine the search's first answer can take a while.
    const searchFor = async (term: string) => {
      await page.fill('.pagefind-ui__search-input', '');
      await page.waitForFunction(() => !document.querySelector('.pagefind-ui__message')?.textContent, undefined, { timeout: 60_000 });
      await page.fill('.pagefind-ui__search-input', term);
      await page.waitForFunction(() => /找到/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 60_000 });
    };
    await searchFor('春晓街道');
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link!.startsWith(`${PREFIX}agencies/`), link!).toBe(true);
    // An agency in another part of the index is found and linked under the path too.
    await searchFor('平潭综合实验区');
    const more = await page.locator('.pagefind-ui__result-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(more.every((link) => link!.startsWith(`${PREFIX}agencies/`))).toBe(true);
    await page.click(`.pagefind-ui__result-link >> nth=0`);
    await page.waitForURL(new RegExp(`${PREFIX}agencies/`), { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname.startsWith(`${PREFIX}agencies/`)).toBe(true);
    expect(failed).toEqual([]);
    expect(more.length).toBeGreaterThan(0);
    // Outside the path there is no site.
    expect((await page.request.get(`${origin}/agencies/`)).status()).toBe(404);
    await context.close();
  });
});
