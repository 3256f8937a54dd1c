/**
 * The site built from ingested reports (the shared build): a page per report at
 * /agencies/<slug>/<year>/, the JSON downloadable beside it, and report text always escaped — a
 * report cannot inject code, not even through its agency's name.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from './built-site/shared-build.ts';

const { site, out } = sharedBuild();

describe('the built site', () => {
  it('has a home page in Chinese, and region pages that together link every agency and every report, each agency once', async () => {
    expect(await readFile(join(site, 'index.html'), 'utf8')).toMatch(/<html lang="zh-CN"[ >]/);
    const index = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as { reports: Array<{ year: number; agency: { slug: string } }> };
    expect(index.reports.length).toBeGreaterThan(25);
    // The agency list and the regions page link each region's page; the regions' pages list the agencies.
    const regionPages = (await readdir(join(site, 'regions'), { recursive: true })).filter((path) => String(path).endsWith('index.html') && String(path) !== 'index.html');
    expect(regionPages.length).toBeGreaterThan(3);
    const lists = await Promise.all(regionPages.map((path) => readFile(join(site, 'regions', String(path)), 'utf8')));
    const linked = lists.flatMap((html) => [...html.matchAll(/<li><a href="\/agencies\/([a-z0-9-]+)\/">/g)].map((match) => match[1]));
    const agencies = [...new Set(index.reports.map((report) => report.agency.slug))];
    expect(linked.sort()).toEqual(agencies.sort());
    const all = lists.join('');
    for (const { agency, year } of index.reports) expect(all).toContain(`href="/agencies/${agency.slug}/${year}/"`);
    const [agencyList, regions] = await Promise.all([readFile(join(site, 'agencies', 'index.html'), 'utf8'), readFile(join(site, 'regions', 'index.html'), 'utf8')]);
    for (const path of regionPages.filter((path) => String(path).split('/').length === 2)) {
      expect(agencyList, String(path)).toContain(`href="/regions/${String(path).replace(/index\.html$/, '')}"`);
      expect(regions, String(path)).toContain(`href="/regions/${String(path).replace(/index\.html$/, '')}"`);
    }
  });

  it('links and loads nothing it does not have: every address of the site a page names is a file of the site', async () => {
    const pages = (await readdir(site, { recursive: true })).map(String).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const missing = new Set<string>();
    let checked = 0;
    for (const page of pages) {
      const addresses: string[] = [];
      const parser = new Parser({
        onopentag(_name, attributes) {
          for (const name of ['href', 'src', 'action']) {
            const value = attributes[name];
            if (value?.startsWith('/') && !value.startsWith('//')) addresses.push(value);
          }
        },
      });
      parser.end(await readFile(join(site, page), 'utf8'));
      for (const address of addresses) {
        const path = decodeURIComponent(address.replace(/[?#].*$/, ''));
        const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
        checked++;
        if (!existsSync(file)) missing.add(`${page}: ${address}`);
      }
    }
    expect([...missing]).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('has a page per report and its JSON', async () => {
    const html = await readFile(join(site, 'agencies/chunxiaojiedao/2020/index.html'), 'utf8');
    expect(html).toContain('2020年度春晓街道政府信息公开工作年度报告');
    const json = JSON.parse(await readFile(join(site, 'data/reports/chunxiaojiedao-2020.json'), 'utf8'));
    expect(json.proactive.centralizedProcurement.amountYuan).toBe(3_850_000);
  });

  it('shows HTML and script in a report as text', async () => {
    const html = await readFile(join(site, 'agencies/nanguanqu-minzhengju/2022/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).not.toMatch(/<script>alert|<img src=x|href="javascript:/);
  });

  it('shows markup in an agency’s name as text', async () => {
    const index = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as {
      reports: Array<{ id: string; year: number; agency: { name: string; slug: string } }>;
    };
    const entry = index.reports.find((report) => report.agency.name.includes('<b>'));
    expect(entry?.agency.name).toBe('南关区<b>民政局</b>');
    const html = await readFile(join(site, 'agencies', entry!.agency.slug, String(entry!.year), 'index.html'), 'utf8');
    expect(html).toContain('南关区&lt;b&gt;民政局&lt;/b&gt;');
    expect(html).not.toContain('<b>民政局</b>');
    // The title is escaped once, like the rest of the page (not &amp;lt;).
    expect(html).toContain(`<title>南关区&lt;b&gt;民政局&lt;/b&gt; ${entry!.year}年度政府信息公开工作年度报告`);
  });

  it('counts each report’s errors, warnings and notes apart on the editors’ status page', async () => {
    const index = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as {
      reports: Array<{ id: string; year: number; agency: { slug: string }; findings: { error: number; warning: number; info: number } }>;
    };
    // The status is in pages (of 5 reports in the test build: build-env.ts), each linking the others.
    const first = await readFile(join(site, 'status', 'index.html'), 'utf8');
    const count = Math.ceil(index.reports.length / 5);
    expect(count).toBeGreaterThan(5);
    const more = Array.from({ length: count - 1 }, (_, n) => `/status/page/${n + 2}/`);
    // The first page links the pages nearest it and the last (pagerOf), not every page.
    const linked = new Set([...first.matchAll(/href="(\/status\/page\/\d+\/)"/g)].map((match) => match[1]!));
    expect([...linked].sort()).toEqual([...more.slice(0, 3), more.at(-1)!].sort());
    const status = [first, ...(await Promise.all(more.map((path) => readFile(join(site, path, 'index.html'), 'utf8'))))].join('');
    const uneven = index.reports.filter(({ findings }) => findings.error !== findings.warning || findings.warning !== findings.info);
    expect(uneven.length).toBeGreaterThan(3);
    for (const { agency, year, findings } of index.reports) {
      const row = status.slice(status.indexOf(`href="/agencies/${agency.slug}/${year}/"`));
      const cells = [...row.slice(0, row.indexOf('</tr>')).matchAll(/cell--numeric">(\d+)</g)].map((match) => Number(match[1]));
      expect(cells).toEqual([findings.error, findings.warning, findings.info]);
    }
  });

  it('tells on every page how recent its data is, from the reports the page shows', async () => {
    const { reports: entries } = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as { reports: Array<{ id: string }> };
    const index = {
      reports: await Promise.all(entries.map(async ({ id }) =>
        JSON.parse(await readFile(join(out, 'data', 'reports', `${id}.json`), 'utf8')) as { year: number; agency: { slug: string }; publishedOn: string | null })),
    };
    const dated = index.reports.find((report) => report.publishedOn !== null)!;
    const [year, month, day] = dated.publishedOn!.split('-').map(Number);
    const reportPage = await readFile(join(site, 'agencies', dated.agency.slug, String(dated.year), 'index.html'), 'utf8');
    expect(reportPage).toContain(`本页数据更新至${year}年${month}月${day}日`);
    const undated = index.reports.find((report) => report.publishedOn === null)!;
    const undatedPage = await readFile(join(site, 'agencies', undated.agency.slug, String(undated.year), 'index.html'), 'utf8');
    expect(undatedPage).toContain(`本页数据更新至${undated.year}年度报告（报告未注明发布日期）`);
    const latest = index.reports.map((report) => report.publishedOn).filter((date) => date !== null).sort().at(-1)!;
    const [ly, lm, ld] = latest.split('-').map(Number);
    for (const page of ['index.html', 'about/index.html', 'data/index.html', 'compare/index.html']) {
      expect(await readFile(join(site, page), 'utf8'), page).toContain(`本页数据更新至${ly}年${lm}月${ld}日`);
    }
  });

  it('has an about page and a 404 page, and keeps the editors’ status page out of the citizens’ footer', async () => {
    const about = await readFile(join(site, 'about', 'index.html'), 'utf8');
    expect(about).toContain('<h1>关于本站</h1>');
    expect(about).toContain('发现数字有误');
    expect(about).toContain('href="/status/"');
    expect(await readFile(join(site, '404.html'), 'utf8')).toContain('找不到这个页面');
    const home = await readFile(join(site, 'index.html'), 'utf8');
    const footer = home.slice(home.indexOf('<footer'));
    expect(footer).toContain('href="/about/"');
    expect(footer).not.toContain('href="/status/"');
    // The home page does not list every agency (a portal has hundreds): it points to the list, which filters.
    const waysIn = home.slice(home.indexOf('<h2>查找报告</h2>'), home.indexOf('</ul>', home.indexOf('<h2>查找报告</h2>')));
    expect(waysIn).not.toMatch(/href="\/agencies\/[a-z0-9-]+\/"/);
  });

  it('shows each report’s indicators on its agency’s and its year’s page, computed from its own totals', async () => {
    const record = JSON.parse(await readFile(join(out, 'data', 'reports', 'chunxiaojiedao-2020.json'), 'utf8')) as {
      applications: { results: { granted: { total: number }; partialGrant: { total: number }; total: { total: number } } };
    };
    const { granted, partialGrant, total } = record.applications.results;
    const share = `${(Math.round(((granted.total + partialGrant.total) / total.total) * 1000) / 10).toFixed(1)}%`;
    const agency = await readFile(join(site, 'agencies', 'chunxiaojiedao', 'index.html'), 'utf8');
    const row = agency.slice(agency.indexOf('<th scope="row">2020年</th>', agency.indexOf('历年指标')));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain(`>${share}</td>`);
    expect(agency).toContain('（予以公开 + 部分公开）÷ 办理结果总计');
    const year = await readFile(join(site, 'years', '2020', 'index.html'), 'utf8');
    const yearRow = year.slice(year.indexOf('href="/agencies/chunxiaojiedao/2020/"', year.indexOf('年各机构指标')));
    expect(yearRow.slice(0, yearRow.indexOf('</tr>'))).toContain(`>${share}</td>`);
  });

  it('gives the data dictionary’s meanings in Chinese, the English after them marked as English', async () => {
    const page = await readFile(join(site, 'data', 'dictionary', 'index.html'), 'utf8');
    expect(page).toContain('<span lang="en" class="tp-english">natural persons</span>');
    expect(page).toContain('本记录格式（JSON Schema）的版本号');
  });

  it('makes the search index’s copy of every searchable page with the tokenizer alone, as the parser would', async () => {
    const { copyByParser, copyByTokens } = await import('../src/build/search-copy.ts');
    const { readdir } = await import('node:fs/promises');
    const pages: string[] = [];
    for (const entry of await readdir(join(site, 'agencies'), { recursive: true })) {
      if (String(entry).endsWith('index.html')) pages.push(join(site, 'agencies', String(entry)));
    }
    expect(pages.length).toBeGreaterThan(40);
    for (const path of pages) {
      const html = await readFile(path, 'utf8');
      const fast = copyByTokens(html, ['pinyin']);
      expect(fast, path).not.toBeNull();
      expect(fast, path).toBe(copyByParser(html, ['pinyin']));
    }
  });
});
