/// <reference lib="dom" />
/**
 * The portal in a real browser (see harness.ts): every page type renders in Chinese with its
 * headings in order; the search, compare, the filters, the charts, the tables without
 * JavaScript, the 404 page and the server. The phone layout and axe-core are in phone-and-axe.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSite } from '../built-site/shared-build.ts';
import { reportMetrics } from '../../src/figures/metrics.ts';
import { formatNumber } from '../../src/site/filters.ts';
import type { Report } from '../../src/schema/report.ts';
import { available, BrowserSession, gotoSettled, headingLevels, PAGES } from './harness.ts';

const session = new BrowserSession();
const open = session.open;
let site: ServedSite;
const pages = PAGES;

describe.skipIf(!available)('the portal in Chromium', () => {
  beforeAll(async () => {
    await session.start();
    site = session.site;
  }, 180_000);

  afterAll(() => session.stop());


  it.each(pages)('renders the %s page in Chinese, headings in order, no console error, no outside request', async (_, path) => {
    const { page, problems, close } = await open(path);
    expect(problems).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const levels = await headingLevels(page);
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - levels[index - 1]!).toBeLessThanOrEqual(1);
    });
    expect(await page.locator('a.tp-skip-link[href="#main-content"]').count()).toBe(1);
    await close();
  });

  it('lays the report tables out with captions, scopes and blank cells that are not 0', async () => {
    const { page, close } = await open('/agencies/chunxiaojiedao/2020/');
    const captions = await page.$$eval('table caption', (nodes) => nodes.map((node) => node.textContent));
    expect(captions).toContain('收到和处理政府信息公开申请情况');
    expect(captions).toContain('第二十条第（九）项');
    const row = page.locator('#table-applications tbody tr', { hasText: '一、本年新收' });
    const cells = await row.locator('td').evaluateAll((nodes) =>
      nodes.map((node) => (node.classList.contains('tp-table__cell--blank') ? null : node.textContent)),
    );
    expect(cells).toEqual(['1', null, null, null, null, null, '1']);
    expect(await page.locator('#table-applications th[scope="row"]').count()).toBeGreaterThan(20);
    await close();
  });

  it('links a report to the same agency’s other years', async () => {
    const { page, close } = await open('/agencies/pingtanzongheshiyanqu-jinjingpianqu-guanliju/2023/');
    const years = await page.locator('nav.tp-years li').allTextContents();
    expect(years).toEqual(['2020年', '2021年', '2022年', '2023年', '2025年']);
    expect(await page.locator('nav.tp-years [aria-current="page"]').textContent()).toBe('2023年');
    expect(await page.locator('nav.tp-years a').count()).toBe(4);
    await close();
  });

  it('draws every chart of an agency page', async () => {
    const { page, problems, close } = await open('/agencies/nanguanqu-minzhengju/');
    const drawn = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart.getChart(canvas);
        return Boolean(chart) && canvas.getAttribute('role') === 'img' && (canvas.getAttribute('aria-label') ?? '').length > 10;
      }),
    );
    expect(drawn).toEqual([true, true, true, true]);
    expect(problems).toEqual([]);
    await close();
  });

  /** The site's JSON files a page asked for (src/site/site-json.ts). */
  const jsonAsked = (requests: string[]) => requests.filter((path) => path.startsWith('/data/site/')).sort();
  const compareRows = (page: import('playwright-core').Page) => page.locator('#compare-table tbody tr');

  it('compares the agencies and years named in the address, fetching only their files, and keeps a new choice in the address', async () => {
    const { page, problems, requests, close } = await open('/compare/?agency=chunxiaojiedao&agency=nanguanqu-minzhengju');
    // 春晓街道 2020; 南关区民政局 2021, 2022 and 2023 (the 2023 report typed its name with markup, 南关区<b>民政局</b>: the same agency).
    await expect.poll(() => compareRows(page).count()).toBe(4);
    expect(await compareRows(page).locator('th').allTextContents()).toEqual(['南关区民政局 2023年', '南关区民政局 2022年', '南关区民政局 2021年', '春晓街道 2020年']);
    expect(jsonAsked(requests)).toEqual(['/data/site/agencies/chunxiaojiedao.json', '/data/site/agencies/nanguanqu-minzhengju.json']);
    expect(await page.isChecked('input[name="agency"][value="chunxiaojiedao"]')).toBe(true);
    // The boxes are named from the files (the address has only the slugs).
    expect(await page.locator('#compare-agency-choices label').allTextContents()).toEqual([' 春晓街道', ' 南关区民政局']);
    await page.check('input[name="year"][value="2021"]');
    await expect.poll(() => compareRows(page).count()).toBe(1);
    expect(page.url()).toContain('agency=chunxiaojiedao&agency=nanguanqu-minzhengju&year=2021');
    // Nothing more was fetched: the year is taken from the agencies' files.
    expect(jsonAsked(requests)).toEqual(['/data/site/agencies/chunxiaojiedao.json', '/data/site/agencies/nanguanqu-minzhengju.json']);
    expect(await page.$eval('#compare-chart', (canvas) => Boolean((window as unknown as { Chart: { getChart(c: Element): unknown } }).Chart.getChart(canvas)))).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('compares a year alone from its file, each figure as in the record and a blank shown blank, never 0', async () => {
    const { page, problems, requests, close } = await open('/compare/?year=2023');
    const year = JSON.parse(readFileSync(join(site.folder, 'data', 'site', 'years', '2023.json'), 'utf8')) as { metrics: string[]; reports: Array<{ slug: string; values: Array<number | null> }> };
    await expect.poll(() => compareRows(page).count()).toBe(year.reports.length);
    expect(jsonAsked(requests)).toEqual(['/data/site/years/2023.json']);
    // Every report of the year, each row linked to its report and its cells the figures of its record.
    const record = JSON.parse(readFileSync(join(site.folder, 'data', 'reports', 'pingtanzongheshiyanqu-haitanpianqu-guanliju-2023.json'), 'utf8')) as Report;
    const metrics = reportMetrics(record);
    expect(metrics['other']).toBeNull();
    const row = page.locator('#compare-table tbody tr', { has: page.locator('a[href="/agencies/pingtanzongheshiyanqu-haitanpianqu-guanliju/2023/"]') });
    const cells = await row.locator('td').evaluateAll((nodes) => nodes.map((node) => (node.classList.contains('tp-table__cell--blank') ? null : node.textContent)));
    expect(cells).toEqual(year.metrics.map((key) => (metrics[key] === null ? null : formatNumber(metrics[key]))));
    expect(await row.locator('td').nth(year.metrics.indexOf('other')).textContent()).toBe('空白');
    expect(problems).toEqual([]);
    await close();
  });

  it('says so when the address names an agency the site does not have, and shows the others', async () => {
    const { page, problems, close } = await open('/compare/?agency=no-such-agency&agency=chunxiaojiedao');
    await expect.poll(() => compareRows(page).count()).toBe(1);
    expect(await page.locator('#compare-agency-choices label').first().textContent()).toContain('本站没有这个机构');
    // A missing file is a 404 the page expects: no script error.
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    await close();
  });

  it('sorts the year table by a column when its header is clicked', async () => {
    const { page, close } = await open('/years/2021/');
    const firstColumn = () => page.$$eval('#year-table tbody th[scope="row"]', (cells) => cells.map((cell) => cell.textContent?.trim()));
    const before = await firstColumn();
    await page.click('#year-table thead button:has-text("机构")');
    expect(await page.getAttribute('#year-table thead th:first-child', 'aria-sort')).toBe('ascending');
    await page.click('#year-table thead button:has-text("机构")');
    expect(await page.getAttribute('#year-table thead th:first-child', 'aria-sort')).toBe('descending');
    expect(await firstColumn()).toEqual([...before].sort((a, b) => (b ?? '').localeCompare(a ?? '', 'zh-CN')));
    await close();
  });

  it('splits a year of many reports into pages by agency name, linked from each other without JavaScript', async () => {
    const year = JSON.parse(readFileSync(join(site.folder, 'data', 'site', 'years', '2023.json'), 'utf8')) as { reports: Array<{ slug: string }> };
    // Pages of 5 in the test build (build-env.ts), as of 100 in a real one.
    const pages = Math.ceil(year.reports.length / 5);
    expect(pages).toBeGreaterThan(1);
    const { page, close } = await open('/years/2023/', { javaScript: false });
    const links = await page.locator('nav.tp-pager').first().locator('a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(links).toEqual(Array.from({ length: pages - 1 }, (_, n) => `/years/2023/page/${n + 2}/`));
    expect(await page.locator('nav.tp-pager').first().locator('[aria-current="page"]').textContent()).toBe('第1页');
    const slugs: string[] = [];
    for (const path of ['/years/2023/', ...links]) {
      await gotoSettled(page, `${site.origin}${path}`);
      const rows = await page.$$eval('#year-table tbody th[scope="row"] a', (nodes) => nodes.map((node) => node.getAttribute('href')!.split('/')[2]!));
      expect(rows.length).toBeLessThanOrEqual(5);
      slugs.push(...rows);
    }
    // Every report of the year once, in the order of the year's file (by agency name).
    expect(slugs).toEqual(year.reports.map((report) => report.slug));
    await close();
  });

  it('finds an agency by name in the search, in each part of the index', async () => {
    // The test build's index is in three parts (build-env.ts); these agencies are one in each.
    const parts = JSON.parse(readFileSync(join(site.folder, '..', 'data', 'search.json'), 'utf8')) as { parts: unknown[] };
    expect(parts.parts).toHaveLength(3);
    const { page, close } = await open('/search/');
    for (const [name, slug] of [['自强街道', 'nanguanqu-ziqiangjiedao-banshichu'], ['春晓街道', 'chunxiaojiedao'], ['世纪街道', 'shijijiedao-banshichu']] as const) {
      await page.fill('.pagefind-ui__search-input', name);
      const wanted = page.locator(`.pagefind-ui__result-link[href*="/agencies/${slug}/"]`).first();
      await wanted.waitFor({ timeout: 15_000 });
    }
    await close();
  });

  it('finds Chinese words and phrases copied from a report, and an agency by its pinyin', async () => {
    const { page, close } = await open('/search/');
    const search = async (term: string) => {
      // Cleared first, so that the message read is this search's and not the last one's.
      await page.fill('.pagefind-ui__search-input', '');
      await page.waitForFunction(() => !document.querySelector('.pagefind-ui__message')?.textContent, undefined, { timeout: 15_000 });
      await page.fill('.pagefind-ui__search-input', term);
      await page.waitForFunction(() => /找到/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), undefined, { timeout: 15_000 });
      return Number(/找到 (\d+) 个/.exec((await page.locator('.pagefind-ui__message').textContent()) ?? '')?.[1] ?? 0);
    };
    // Every report's page has part 4's heading, 政府信息公开行政复议、行政诉讼情况.
    const reports = readdirSync(join(site.folder, 'data', 'reports')).filter((name) => name.endsWith('.json')).length;
    expect(await search('行政复议')).toBeGreaterThanOrEqual(reports);
    // A phrase from one report's prose finds that report, and the excerpt reads as written.
    expect(await search('纸质版报送区档案馆和图书馆')).toBeGreaterThanOrEqual(1);
    // The excerpt comes with the result's fragment, after the count: Pagefind shows dots until then.
    const excerpt = page.locator('.pagefind-ui__result-excerpt').first();
    await page.waitForFunction(() => !/^[.\s]*$/.test(document.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? ''), undefined, { timeout: 15_000 });
    expect(((await excerpt.innerHTML()) ?? '').replace(/<\/?mark>/g, '')).toContain('纸质版报送区档案馆和图书馆');
    // A report's result is titled with its agency and year, whatever the report calls itself.
    expect(await page.locator('.pagefind-ui__result-title').first().textContent()).toMatch(/^\s*\S+ \d{4}年度政府信息公开工作年度报告\s*$/);
    // A phrase copied with its figures and full-width punctuation finds its report, and reads as written
    // (2023-平潭综合实验区.html: "予以公开及部分公开42件，占51.85%；不予公开5件").
    expect(await search('占51.85%；不予公开5件')).toBeGreaterThanOrEqual(1);
    await page.waitForFunction(() => !/^[.\s]*$/.test(document.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? ''), undefined, { timeout: 15_000 });
    expect(((await excerpt.innerHTML()) ?? '').replace(/<\/?mark>/g, '')).toContain('公开42件，占51.85%；不予公开5件');
    expect(await page.locator('.pagefind-ui__result-link').first().getAttribute('href')).toMatch(/\/agencies\/pingtanzongheshiyanqu\/2023\/$/);
    // Characters that are in the reports but never in this order find nothing; punctuation between them counts for nothing
    // (part 4's heading, 行政复议、行政诉讼, holds 复议行政 as a reader reads it).
    expect(await search('议复政行')).toBe(0);
    expect(await search('复议行政')).toBeGreaterThanOrEqual(reports);
    await page.fill('.pagefind-ui__search-input', 'chunxiao');
    await page.locator('.pagefind-ui__result-link[href*="/agencies/chunxiaojiedao/"]').first().waitFor({ timeout: 15_000 });
    await close();
  });

  it('finds agencies in the list by what is typed (name, region or pinyin), fetching the list only then, and shows the regions without JavaScript', async () => {
    const { page, problems, requests, close } = await open('/agencies/');
    expect(jsonAsked(requests)).toEqual([]);
    const rows = page.locator('#agency-table tbody tr');
    await page.fill('#agency-filter-text', '南关区');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const index = JSON.parse(readFileSync(join(site.folder, 'data', 'site', 'agencies.json'), 'utf8')) as { agencies: Array<{ name: string; region: string[] }> };
    expect(await rows.count()).toBe(index.agencies.filter((agency) => agency.name.includes('南关区') || agency.region.includes('南关区')).length);
    expect(jsonAsked(requests)).toEqual(['/data/site/agencies.json']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('南关区');
    await page.fill('#agency-filter-text', 'chunxiao');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('a').first().getAttribute('href')).toBe('/agencies/chunxiaojiedao/');
    expect(await rows.locator('a').nth(1).getAttribute('href')).toBe('/agencies/chunxiaojiedao/2020/');
    expect(problems).toEqual([]);
    await close();
    // An address with a query shows its agencies at once.
    const shared = await open('/agencies/?q=chunxiao');
    await expect.poll(() => shared.page.locator('#agency-table tbody tr').count()).toBe(1);
    await shared.close();
    const plain = await open('/agencies/?q=chunxiao', { javaScript: false });
    expect(await plain.page.locator('#agency-filter').isVisible()).toBe(false);
    const regions = await plain.page.locator('#agency-regions a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(regions).toContain('/regions/changchunshi/');
    expect(regions).toContain('/regions/unknown/');
    await plain.close();
  });

  it('narrows compare’s agencies by typing, fetching the list of agencies only then, and says without JavaScript where every report is', async () => {
    const { page, problems, requests, close } = await open('/compare/');
    expect(jsonAsked(requests)).toEqual([]);
    expect(await page.locator('#compare-summary').textContent()).toBe('请在上面选择机构或年度。');
    const boxes = page.locator('#compare-form label.tp-check[data-filter]');
    await page.fill('#compare-agency-filter', 'chunxiao');
    await expect.poll(() => boxes.count()).toBe(1);
    expect(jsonAsked(requests)).toEqual(['/data/site/agencies.json']);
    await page.check('input[name="agency"][value="chunxiaojiedao"]');
    await expect.poll(() => compareRows(page).count()).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('agency')).toEqual(['chunxiaojiedao']);
    await page.fill('#compare-agency-filter', '南关区');
    // A box already checked stays shown beside the matches.
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    expect(await page.locator('input[name="agency"][value="chunxiaojiedao"]').isVisible()).toBe(true);
    await page.fill('#compare-agency-filter', '');
    expect(await boxes.count()).toBe(1);
    expect(problems).toEqual([]);
    await close();
    const plain = await open('/compare/', { javaScript: false });
    expect(await plain.page.locator('form.tp-compare-form').isVisible()).toBe(false);
    expect(await plain.page.locator('main').textContent()).toContain('未启用 JavaScript 时无法选择');
    const links = await plain.page.locator('main a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    const years = readdirSync(join(site.folder, 'years')).filter((name) => /^\d{4}$/.test(name));
    expect(years.length).toBeGreaterThan(3);
    for (const year of years) expect(links).toContain(`/years/${year}/`);
    expect(links).toEqual(expect.arrayContaining(['/regions/', '/agencies/']));
    await plain.close();
  });

  it('runs the search named in the address, as the home page’s search box sends it', async () => {
    const home = await open('/');
    await home.page.fill('#home-search', '春晓街道');
    await Promise.all([home.page.waitForURL(/\/search\/\?q=/), home.page.click('.tp-search-form button')]);
    expect(new URL(home.page.url()).searchParams.get('q')).toBe('春晓街道');
    await home.page.locator('.pagefind-ui__result-link[href*="/agencies/chunxiaojiedao/"]').first().waitFor({ timeout: 15_000 });
    expect(await home.page.inputValue('.pagefind-ui__search-input')).toBe('春晓街道');
    await home.close();
  });

  it('answers an address that has no page with the portal’s own 404 page', async () => {
    const { page, close } = await open('/');
    const response = await page.goto(`${site.origin}/agencies/no-such-agency/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('找不到这个页面');
    expect(await page.locator('main a[href="/search/"]').count()).toBe(1);
    await close();
  });

  it('serves each kind of file with its type, and text in the charset its bytes are in', async () => {
    const { page, close } = await open('/');
    const typeOf = async (path: string) => (await page.request.get(`${site.origin}${path}`)).headers()['content-type'];
    expect(await typeOf('/feed.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(await typeOf('/sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(await typeOf('/data/bulk/SHA256SUMS')).toBe('text/plain; charset=utf-8');
    expect(await typeOf('/data/reports/chunxiaojiedao-2020.md')).toBe('text/markdown; charset=utf-8');
    const sources = readdirSync(join(site.folder, 'data', 'sources'));
    const text = sources.find((name) => name.endsWith('.txt') && !name.endsWith('.html.txt'))!;
    expect(await typeOf(`/data/sources/${encodeURIComponent(text)}`)).toBe('text/plain; charset=utf-8');
    // A .gz is a download of its own, sent as it is: not marked gzip-encoded, which would have a
    // client unpack it on the way and keep the plain bytes under the .gz name.
    for (const name of readdirSync(join(site.folder, 'data', 'bulk')).filter((file) => file.endsWith('.gz')).slice(0, 3)) {
      const response = await page.request.get(`${site.origin}/data/bulk/${name}`);
      expect(response.headers()['content-type'], name).toBe('application/gzip');
      expect(response.headers()['content-encoding'], name).toBeUndefined();
      expect(Buffer.compare(await response.body(), readFileSync(join(site.folder, 'data', 'bulk', name))), name).toBe(0);
    }
    await close();
  });

  it('serves nothing outside the site, and answers a malformed address with its 404 page', async () => {
    // A folder beside the site whose name starts like the site's.
    const beside = `${site.folder}2`;
    mkdirSync(beside, { recursive: true });
    writeFileSync(join(beside, 'secret.txt'), 'secret');
    try {
      const { page, close } = await open('/');
      for (const path of ['/..%2f_site2/secret.txt'.replace('_site', basename(site.folder)), `/%2e%2e/${basename(beside)}/secret.txt`, `/../${basename(beside)}/secret.txt`, '/%E0%A4%A', '/%']) {
        const response = await page.request.get(`${site.origin}${path}`);
        expect(response.status(), path).toBe(404);
        expect(await response.text(), path).not.toContain('secret');
      }
      // The server is still there.
      expect((await page.request.get(`${site.origin}/`)).status()).toBe(200);
      await close();
    } finally {
      rmSync(beside, { recursive: true, force: true });
    }
  });

  it('shows the tables without JavaScript', async () => {
    const agency = await open('/agencies/nanguanqu-minzhengju/', { javaScript: false });
    expect(await agency.page.locator('table caption', { hasText: '收到的申请（数据表）' }).count()).toBe(1);
    expect(await agency.page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await agency.close();
    const year = await open('/years/2021/', { javaScript: false });
    expect(await year.page.locator('#year-table tbody tr').count()).toBe(4);
    await year.close();
  });

  it('serves a saved web page’s original as text, never as a page of the portal', async () => {
    const { page, close } = await open('/agencies/pingtanzongheshiyanqu-jiaotongyujiansheju/2023/');
    const link = page.locator('a', { hasText: '报告原文' });
    expect(await link.getAttribute('href')).toMatch(/\.html\.txt$/);
    expect(await link.getAttribute('download')).toBe('2023-平潭综合实验区交通与建设局.html');
    const response = await page.request.get(`${site.origin}${await link.getAttribute('href')}`);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    await close();
  });

  it('lists the files that cannot be read on the editors’ status page, with their originals', async () => {
    const { page, problems, close } = await open('/status/');
    expect(problems).toEqual([]);
    const items = page.locator('main li', { hasText: '会议纪要.txt' });
    expect(await items.textContent()).toContain('不是政府信息公开工作年度报告');
    const href = await items.locator('a', { hasText: '下载原文件' }).getAttribute('href');
    const response = await page.request.get(`${site.origin}${href}`);
    expect(await response.text()).toContain('研究部署社区环境整治工作');
    expect(await page.locator('main li', { hasText: '2022-某局.pdf' }).textContent()).toContain('无法读取 PDF 文件');
    // A file of a format the portal does not read is listed by size and checksum, never published.
    for (const name of ['2022-某局.xml', 'credentials.env']) {
      const item = page.locator('main li', { hasText: name });
      expect(await item.locator('a').count(), name).toBe(0);
      expect(await item.locator('.tp-hash').textContent(), name).toMatch(/^[0-9a-f]{64}$/);
    }
    const published = readdirSync(join(site.folder, 'data', 'sources'));
    expect(published.filter((file) => !/\.(txt|text|md|markdown|html\.txt|htm\.txt|docx|pdf|doc|wps|rtf)$/.test(file))).toEqual([]);
    expect(published.some((file) => file.endsWith('.xml') || file.endsWith('.env'))).toBe(false);
    await close();
  });

  it('lists the findings kind by kind, each kind in pages linked from each other', async () => {
    const findings = JSON.parse(readFileSync(join(site.folder, 'data', 'bulk', 'findings.json'), 'utf8')) as unknown;
    const all = (Array.isArray(findings) ? findings : (findings as { findings: unknown[] }).findings) as Array<{ rule: string }>;
    const rowTotals = all.filter((finding) => finding.rule === 'row-total').length;
    expect(rowTotals).toBeGreaterThan(5);
    const { page, problems, close } = await open('/findings/');
    expect(problems).toEqual([]);
    const counts = await page.$$eval('#findings-rules tbody td', (cells) => cells.map((cell) => Number(cell.textContent)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(all.length);
    await page.click('#findings-rules a[href="/findings/row-total/"]');
    await page.waitForURL(/\/findings\/row-total\/$/);
    const links = await page.locator('nav.tp-pager').first().locator('a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')!));
    expect(links).toEqual(Array.from({ length: Math.ceil(rowTotals / 5) - 1 }, (_, n) => `/findings/row-total/page/${n + 2}/`));
    const rules: string[] = [];
    const texts: string[] = [];
    for (const path of ['/findings/row-total/', ...links]) {
      await gotoSettled(page, `${site.origin}${path}`);
      rules.push(...(await page.locator('#findings-table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['rule']!))));
      texts.push(...(await page.locator('#findings-table tbody tr td:first-of-type').allTextContents()));
    }
    expect(rules).toEqual(Array(rowTotals).fill('row-total'));
    // Told in a reader's words: the kind of problem, not the rule's id.
    expect(texts[0]).toBe('需要核对：行合计与总计不符');
    await close();
  });

  it('shows script and HTML from a report as inert text', async () => {
    const { page, problems, close } = await open('/agencies/nanguanqu-minzhengju/2022/');
    expect(problems).toEqual([]);
    const text = await page.textContent('main');
    expect(text).toContain('<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点此</a>');
    expect(await page.locator('main script, main img, main a[href^="javascript:"]').count()).toBe(0);
    await close();
  });
});
