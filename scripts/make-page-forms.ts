/**
 * npm run make-page-forms [-- <case> …]
 *
 * Makes the forms in which a report page reaches an editor who cannot save the page itself, from
 * the web-page fixtures (test/fixtures/<case>/input.html), in Debian's Chromium:
 *
 * - copied.txt: the page selected and copied (Ctrl+A, Ctrl+C), as pasted into a text file;
 * - inner-text.txt: document.body.innerText, what a script or an extension copies (tabs between
 *   cells, each paragraph inside a cell on lines of its own);
 * - capture.txt: what a crawler that keeps a page's text writes: each block and each table cell
 *   on a line of its own, blank cells as empty lines, lines ended by a lone CR;
 * - a4.pdf and narrow.pdf: the page printed to PDF at A4 and on a page 110 mm wide, where the
 *   table cells wrap onto several lines (only for the cases named in PDF_CASES, to keep the
 *   repository small); borderless.pdf: one case printed with its tables' borders taken away.
 *
 * The files go to test/page-forms/<case>/. They are inputs, made once and committed; the test
 * (test/page-forms.test.ts) holds the values read from each equal to the page's own, which were
 * checked by hand (test/fixtures/<case>/expected.json).
 */
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const FIXTURES = resolve('test/fixtures');
const OUT = resolve('test/page-forms');
export const PDF_CASES = [
  'html-2019-template-signed-changes',
  'html-2021-template-merged-headers-in-layout-table',
  'pingtan-2023-jiaotong-jianshe',
  'pingtan-2025-jinjing-pianqu',
];

/**
 * Runs in the page: each rendered block without blocks inside, and each table cell, on a line of
 * its own (its white space collapsed), blank cells as empty lines, lines ended by CR. Plain
 * JavaScript in a string: tsx would add helpers to a function that the page does not have.
 */
const CAPTURE_TEXT = `(() => {
  const lines = [];
  const BLOCK = /^(block|list-item|table|table-row|table-cell|flex|grid|table-caption)/;
  const holdsBlocks = (element) => BLOCK.test(getComputedStyle(element).display) || element.querySelector('td, th, p, div') !== null;
  const collapse = (text) => text.replace(/[\\s\\u00a0]+/g, ' ').trim();
  const visit = (element) => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript') return;
    // A cell that holds a table is layout: its content is read as the page's.
    if ((tag === 'td' || tag === 'th') && element.querySelector('table') === null) {
      lines.push(collapse(element.innerText));
      return;
    }
    if (![...element.children].some(holdsBlocks)) {
      const text = collapse(element.innerText ?? '');
      if (text !== '') lines.push(text);
      return;
    }
    // Text directly inside an element that also holds blocks: a line of its own.
    let run = '';
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) run += node.textContent ?? '';
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (holdsBlocks(node)) {
          if (collapse(run) !== '') lines.push(collapse(run));
          run = '';
          visit(node);
        } else {
          run += node.innerText ?? '';
        }
      }
    }
    if (collapse(run) !== '') lines.push(collapse(run));
  };
  visit(document.body);
  return lines.join('\\r') + '\\r';
})()`;

/** A case also printed with its tables' borders taken away. */
const BORDERLESS_CASE = 'pingtan-2023-jiaotong-jianshe';

const wanted = process.argv.slice(2);
const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, 'input.html')) && existsSync(join(FIXTURES, name, 'expected.json')))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium' });
const context = await browser.newContext();
await context.grantPermissions(['clipboard-read', 'clipboard-write']);
try {
  for (const name of cases) {
    const page = await context.newPage();
    // A saved page is read offline: nothing it links to is fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(FIXTURES, name, 'input.html')).href, { waitUntil: 'domcontentloaded' });
    const folder = join(OUT, name);
    mkdirSync(folder, { recursive: true });

    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    writeFileSync(join(folder, 'copied.txt'), copied);
    writeFileSync(join(folder, 'inner-text.txt'), await page.evaluate(() => document.body.innerText));
    writeFileSync(join(folder, 'capture.txt'), await page.evaluate(CAPTURE_TEXT));

    if (PDF_CASES.includes(name)) {
      writeFileSync(join(folder, 'a4.pdf'), await page.pdf({ format: 'A4', printBackground: false }));
      writeFileSync(join(folder, 'narrow.pdf'), await page.pdf({ width: '110mm', height: '297mm', printBackground: false }));
    }
    if (name === BORDERLESS_CASE) {
      // The same tables without their rules: read by baselines and gaps alone.
      await page.addStyleTag({ content: 'table, tr, td, th { border: none !important; }' });
      writeFileSync(join(folder, 'borderless.pdf'), await page.pdf({ format: 'A4', printBackground: false }));
    }
    await page.close();
    console.log(`${name}: ${PDF_CASES.includes(name) ? 'text and PDF' : 'text'}`);
  }
} finally {
  await browser.close();
}
