/// <reference lib="dom" />
/**
 * The portal on a phone and for assistive technology (see harness.ts): every page type at 360
 * pixels without sideways scrolling (a screenshot of each kept in .cache/screenshots/360/ for a
 * person to look at), table headers never one character a line, the lists stacked, and no WCAG
 * 2.1 A or AA violation axe-core finds on any page type at 360 and 1280 pixels.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, available, BrowserSession, PAGES } from './harness.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const session = new BrowserSession();
const open = session.open;
const pages = PAGES;
const SHOTS = join(PROJECT, '.cache', 'screenshots', '360');
mkdirSync(SHOTS, { recursive: true });

describe.skipIf(!available)('the portal on a phone and with assistive technology', () => {
  beforeAll(() => session.start(), 180_000);
  afterAll(() => session.stop());

  // Each page is opened once at 360 pixels for all that is checked there, and once at 1280.
  it.each(pages)(
    'at 360 pixels, the %s page (%s): no WCAG 2.1 A or AA violation axe-core finds, no sideways scrolling, no table header broken one character a line (a screenshot in .cache/screenshots/360/)',
    async (name, path) => {
      const { page, close } = await open(path, { width: 360 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      // For a person to look at: the first screen a phone shows of each page type.
      await page.screenshot({ path: join(SHOTS, `${name.replaceAll(' ', '-')}.png`) });
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        document.querySelectorAll('thead th').forEach((header) => {
          // A stacked table's headers are hidden (its cells say their columns): see the stacking test below.
          if (getComputedStyle(header.closest('thead')!).position === 'absolute') return;
          const text = (header.textContent ?? '').replace(/\s+/g, '');
          if (text.length < 2) return;
          // The lines its text is on: the tops of the boxes of its text, character by character.
          const lines = new Set<number>();
          const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let offset = 0; offset < (node.textContent ?? '').length; offset++) {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              const rect = range.getBoundingClientRect();
              if (rect.width > 0 && /\S/.test(node.textContent![offset]!)) lines.add(Math.round(rect.top));
            }
          }
          if (lines.size >= text.length) found.push(text);
        });
        return found;
      });
      expect(broken, path).toEqual([]);
      expect(await accessibilityViolations(page)).toEqual([]);
      await close();
    },
  );

  it.each(pages)('has no WCAG 2.1 A or AA violation that axe-core finds on the %s page (%s) at 1280 pixels', async (_, path) => {
    const { page, close } = await open(path, { width: 1280 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await close();
  });

  it('keeps a row’s label in view on a 360-pixel-wide phone when its table is scrolled sideways', async () => {
    // Scrolled sideways, a row's own label stays at the table's left edge.
    const { page, close } = await open('/agencies/chunxiaojiedao/2020/', { width: 360 });
    const wrapper = page.locator('.tp-table-wrapper', { has: page.locator('caption', { hasText: '收到和处理政府信息公开申请情况' }) });
    const label = wrapper.locator('tbody th', { hasText: '1.属于国家秘密' });
    const before = (await label.boundingBox())!.x;
    await wrapper.evaluate((element) => { element.scrollLeft = 300; });
    const wrapperLeft = (await wrapper.boundingBox())!.x;
    const after = (await label.boundingBox())!.x;
    expect(after).toBeLessThan(before);
    expect(Math.abs(after - wrapperLeft)).toBeLessThanOrEqual(2);
    await close();
  });

  it('stacks the findings and the data dictionary on a phone: a card a row, each cell across it with its column’s name', async () => {
    for (const [path, table, label] of [['/findings/row-total/', '#findings-table', '说明'], ['/data/dictionary/', '#dictionary-agency', '含义']] as const) {
      const { page, close } = await open(path, { width: 360 });
      const cell = page.locator(`${table} tbody td[data-label="${label}"]`).first();
      expect((await cell.boundingBox())!.width, path).toBeGreaterThan(280);
      expect(await cell.evaluate((element) => getComputedStyle(element, '::before').content), path).toContain(label);
      await close();
      // At a desktop's width it is a table.
      const wide = await open(path, { width: 1280 });
      expect(await wide.page.locator(`${table} thead th`).first().isVisible(), path).toBe(true);
      expect(await wide.page.locator(`${table} tbody td[data-label="${label}"]`).first().evaluate((element) => getComputedStyle(element).display)).toBe('table-cell');
      await wide.close();
    }
  });
});
