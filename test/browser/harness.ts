/// <reference lib="dom" />
/**
 * What the browser tests share: Debian's Chromium driven by playwright-core against the shared
 * build on a loopback server, a page opener that records console errors, dialogs, requests
 * that leave the site and the paths asked of the site, axe-core, and the page types. Without /usr/bin/chromium the tests are
 * skipped with a message, except in CI (CI=true), where that is a failure. Each test file has a
 * session of its own, so that vitest runs the files side by side.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveSharedSite, type ServedSite } from '../built-site/shared-build.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const available = existsSync(CHROMIUM);
if (!available && process.env['CI']) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium`);
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk).`);

/** Every page type, by a page of it. */
export const PAGES = [
  ['home', '/'],
  ['report', '/agencies/chunxiaojiedao/2020/'],
  ['agency', '/agencies/nanguanqu-minzhengju/'],
  ['agencies', '/agencies/'],
  ['year', '/years/2021/'],
  ['year, a later page', '/years/2023/page/2/'],
  ['years', '/years/'],
  ['regions', '/regions/'],
  ['region', '/regions/changchunshi/nanguanqu/'],
  ['compare', '/compare/'],
  ['compare, with a choice', '/compare/?agency=chunxiaojiedao&agency=nanguanqu-minzhengju&year=2021'],
  ['search', '/search/'],
  ['findings', '/findings/'],
  ['findings of a kind', '/findings/row-total/'],
  ['status', '/status/'],
  ['data', '/data/'],
  ['data dictionary', '/data/dictionary/'],
  ['about', '/about/'],
  ['not found', '/404.html'],
] as const;

/** How long no request may be in flight before a page counts as settled. */
const QUIET_MS = 150;

export class BrowserSession {
  site!: ServedSite;
  private browser: Browser | undefined;

  async start(): Promise<void> {
    this.site = await serveSharedSite();
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    this.site?.server.close();
  }

  /** Opens a page, recording console errors, dialogs (an injected alert) and requests that leave the site. */
  open = async (path: string, options: { javaScript?: boolean; width?: number } = {}) => {
    const context = await this.browser!.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // The paths the page asked the site for, in order (the page's own first).
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(this.site.origin)) requests.push(url.slice(this.site.origin.length));
      else if (!url.startsWith('data:')) problems.push(`request left the site: ${url}`);
    });
    await gotoSettled(page, `${this.site.origin}${path}`);
    return { page, problems, requests, close: () => context.close() };
  };
}

/**
 * Goes to `url` and waits until the page has settled: loaded, and no request in flight for
 * QUIET_MS. (Playwright's networkidle waits 500 ms on every page; the site's scripts fetch from
 * a loopback server at once, if at all.)
 */
export async function gotoSettled(page: Page, url: string): Promise<void> {
  let inFlight = 0;
  let changed = Date.now();
  const track = (step: number) => (request: { url(): string }) => {
    if (request.url().startsWith('data:')) return;
    inFlight += step;
    changed = Date.now();
  };
  const [started, finished, failed] = [track(1), track(-1), track(-1)];
  page.on('request', started);
  page.on('requestfinished', finished);
  page.on('requestfailed', failed);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - changed < QUIET_MS)) await page.waitForTimeout(25);
  } finally {
    page.off('request', started);
    page.off('requestfinished', finished);
    page.off('requestfailed', failed);
  }
}

/** axe-core's script, run in the page: the WCAG 2.1 A and AA rules it can check. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => String(node.target[0])).join(', ')}${violation.nodes.length > 3 ? ' …' : ''})`);
  });
}

export async function headingLevels(page: Page): Promise<number[]> {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) => nodes.map((node) => Number(node.tagName[1])));
}
