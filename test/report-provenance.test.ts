/**
 * A report page tells where its numbers are in the original and what its findings mean, on the
 * page itself (the shared build of reports/):
 *
 * - under each table, the place in the original of each row's values (a web page by table, row
 *   and column; a text file by line), typed by hand for one page from its original;
 * - the report's address on the agency's site, where the source states it, and a link to each
 *   part there (a text fragment of the part's heading as the original words it);
 * - the findings in a reader's words (no rule ids, no “null”, no markup lines for a web page),
 *   numbered, each linking to the cells it concerns, which are marked and link back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/schema/report.ts';
import { sharedBuild } from './built-site/shared-build.ts';
import { cellSourceAt, cellSources } from '../src/schema/cell-places.ts';
import { nodeAt } from '../src/schema/record-paths.ts';

const { site, out } = sharedBuild();
const parser = unified().use(rehypeParse);
const index = JSON.parse(readFileSync(join(out, 'data', 'index.json'), 'utf8')) as { reports: Array<{ id: string; year: number; agency: { slug: string } }> };
const pages = index.reports.map(({ id, year, agency }) => ({
  record: JSON.parse(readFileSync(join(out, 'data', 'reports', `${id}.json`), 'utf8')) as Report,
  tree: parser.parse(readFileSync(join(site, 'agencies', agency.slug, String(year), 'index.html'), 'utf8')) as Root,
}));
const text = (node: Element | Root | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');
const ids = (tree: Root) => new Set(selectAll('[id]', tree).map((element) => String(element.properties['id'])));

describe('a report page and its original', () => {
  it('lists where each row of a web page’s tables is in the original, typed by hand from the page', () => {
    // reports/2025-平潭综合实验区金井片区管理局.html: its first table holds part 2, item by item:
    // row 3 规范性文件 0 0 1 (the 规章 row is missing), row 6 行政许可, rows 9–10 行政处罚 and
    // 行政强制, row 13 行政事业性收费, each value in column 2 (a cell spanning columns 2–4).
    const page = pages.find(({ record }) => record.source.path === '2025-平潭综合实验区金井片区管理局.html')!;
    const part = select('section[aria-labelledby="part-2"]', page.tree)!;
    const places = selectAll('.tp-places li', part).map((item) => text(item));
    expect(places).toEqual([
      '规章：原文没有这一行',
      '行政规范性文件：原文第1张表第3行第2–4列',
      '行政许可：原文第1张表第6行第2列',
      '行政处罚：原文第1张表第9行第2列',
      '行政强制：原文第1张表第10行第2列',
      '行政事业性收费：原文第1张表第13行第2列',
    ]);
    // A cell whose original is its number says nothing more: its place is in the list above.
    const cell = selectAll('td', select('#table-proactive-一', part)!).at(-1)!;
    expect(cell.properties['title']).toBeUndefined();
  });

  it('tells a text file’s places by line', () => {
    const text = pages.filter(({ record }) => record.source.format === 'text');
    expect(text.length).toBeGreaterThan(3);
    let checked = 0;
    for (const { record, tree } of text) {
      const source = cellSourceAt(record, 'applications.newReceived.total');
      if (!source) continue;
      const cell = selectAll('#table-applications tbody tr', tree)[0]!;
      const value = nodeAt(record, 'applications.newReceived.total');
      // The cell's title says the printed text, and its place, only where that text is not the number itself.
      const said =
        value === null
          ? source.text === '' ? null : `空白（“${source.text}”不是数字）`
          : source.text === String(value) ? null : `原文作“${source.text}”`;
      expect(selectAll('td', cell).at(-1)!.properties['title']).toBe(said === null ? undefined : `原文第${source.line}行：${said}`);
      // The list under the table gives the row's lines, the total's among them.
      const item = selectAll('.tp-places li', tree).map((li) => toText(li).trim()).find((li) => li.startsWith('一、本年新收政府信息公开申请数量：'))!;
      const [, first, last = first] = item.match(/原文第(\d+)(?:–(\d+))?行/)!.map(Number);
      expect(source.line).toBeGreaterThanOrEqual(first!);
      expect(source.line).toBeLessThanOrEqual(last!);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('links the report’s page on the agency’s site, and each part there, where the source states the address', () => {
    const stated = pages.filter(({ record }) => record.source.metadata?.url);
    expect(stated.length).toBeGreaterThan(10);
    for (const { record, tree } of stated) {
      const url = record.source.metadata!.url!;
      expect(selectAll('a', select('.tp-meta', tree)!).map((link) => link.properties['href'])).toContain(url);
      const parts = selectAll('.tp-original-link a', tree);
      expect(parts.length).toBe(3);
      for (const link of parts) {
        const [base, fragment] = String(link.properties['href']).split('#:~:text=');
        expect(base).toBe(url);
        expect(record.sections.map((section) => section.heading)).toContain(decodeURIComponent(fragment!));
        expect(link.properties['rel']).toEqual(['external', 'noopener', 'noreferrer']);
      }
    }
    for (const { record, tree } of pages.filter(({ record }) => !record.source.metadata?.url)) {
      expect(selectAll('.tp-original-link', tree), record.id).toEqual([]);
    }
  });

  it('lists part 6’s fees where the report states any, a blank one as 未说明 (never 0), and names the template', () => {
    let stated = 0;
    for (const { record, tree } of pages) {
      const fees = [record.fees.noticesSent, record.fees.amountNotifiedYuan, record.fees.amountCollectedYuan];
      const list = select('section[aria-labelledby="part-6"] .tp-fees', tree);
      if (fees.every((fee) => fee === null)) {
        expect(list, record.id).toBeUndefined();
        continue;
      }
      stated++;
      const values = selectAll('dd', list!).map((item) => text(item));
      fees.forEach((fee, n) => expect(values[n], record.id).toBe(fee === null ? '未说明' : `${fee.toLocaleString('en-US')} ${n === 0 ? '件' : '元'}`));
    }
    expect(stated).toBeGreaterThan(0);
    for (const { record, tree } of pages) {
      const terms = selectAll('.tp-meta dt', tree);
      const value = text(selectAll('.tp-meta dd', tree)[terms.findIndex((term) => text(term) === '表格模板')]);
      expect(value).toMatch(new RegExp(`^${record.template}年版（国办公开办函〔${record.template}〕${record.template === '2019' ? '60' : '30'}号）$`));
    }
  });

  it('tells the findings in a reader’s words, each linking to the cells it concerns, which link back', () => {
    const withFindings = pages.filter(({ record }) => record.findings.length > 0);
    expect(withFindings.length).toBeGreaterThan(5);
    let marked = 0;
    for (const { record, tree } of withFindings) {
      const present = ids(tree);
      const items = selectAll('.tp-findings li', tree);
      expect(items.map((item) => item.properties['id'])).toEqual(record.findings.map((_, n) => `finding-${n + 1}`));
      for (const [n, item] of items.entries()) {
        const words = text(item);
        expect(words).not.toMatch(/null|[a-z]+-[a-z]+/);
        if (record.source.format === 'html') expect(words, record.id).not.toMatch(/第\d+行/);
        expect(words).toMatch(/^(数字缺失|需要核对|说明)：/);
        for (const link of selectAll('a', item)) expect(present).toContain(String(link.properties['href']).slice(1));
        // Each cell the finding names (up to 40 of them) is marked, with this finding's number or an earlier one's.
        const cells = record.findings[n]!.paths.filter((path) => path.includes('.')).flatMap((path) => cellSources(record).map(([cell]) => cell).filter((cell) => cell === path || cell.startsWith(`${path}.`)));
        if (cells.length > 40) continue;
        for (const path of cells) {
          const cell = select(`#v-${path.replaceAll('.', '-')}`, tree);
          expect(cell, `${record.id} ${path}`).toBeDefined();
          expect(cell!.properties['className']).toContain('tp-cell--marked');
          const back = String(select('a.tp-mark', cell!)!.properties['href']);
          expect(Number(back.replace('#finding-', ''))).toBeLessThanOrEqual(n + 1);
          marked++;
        }
      }
    }
    expect(marked).toBeGreaterThan(20);
    // A page without findings marks nothing.
    for (const { tree } of pages.filter(({ record }) => record.findings.length === 0)) expect(selectAll('.tp-cell--marked, .tp-findings', tree)).toEqual([]);
  });
});
