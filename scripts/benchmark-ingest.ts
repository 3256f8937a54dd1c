/**
 * npm run bench [-- <count> <pages>]
 *
 * Parses <count> text reports (default 10,000) made from the text reports in reports/, each with
 * its own agency name so every record is distinct, then <pages> web pages (default 500) made
 * from the saved pages in reports/, and prints the time, the rate and the memory of each.
 * Target: ten thousand reports in seconds, not minutes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextSource } from '../src/parse-report.ts';
import { sourceFromBytes } from '../src/read/read-report.ts';
import { cellSources } from '../src/schema/cell-places.ts';

const count = Number(process.argv[2] ?? 10_000);
const pageCount = Number(process.argv[3] ?? 500);
const folder = 'reports';
const samples = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));

// Distinct agencies: a numbered 街道 name put into each copy's first line.
const DIGITS = '零一二三四五六七八九';
const chineseNumber = (n: number) => [...String(n)].map((d) => DIGITS[Number(d)]).join('');
const inputs = Array.from({ length: count }, (_, i) => {
  const sample = samples[i % samples.length]!;
  const text = sample.text.replace(/^[^\n]*/, (first) => `第${chineseNumber(i)}${first}`);
  return { path: `reports/bench-${i}-${sample.name}`, bytes: Buffer.from(text) };
});
const inputBytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0);

const before = process.memoryUsage();
let peakRss = before.rss;
let cells = 0;
const started = performance.now();
for (const [i, input] of inputs.entries()) {
  const report = parseTextSource(sourceFromBytes(input.path, input.bytes));
  cells += cellSources(report).length;
  if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(`reports parsed:     ${count.toLocaleString('en')} (${mb(inputBytes)} of text, ${cells.toLocaleString('en')} table values)`);
console.log(`time:               ${seconds.toFixed(2)} s`);
console.log(`rate:               ${Math.round(count / seconds).toLocaleString('en')} reports/s, ${((seconds / count) * 1000).toFixed(2)} ms per report`);
console.log(`peak resident set:  ${mb(peakRss)} (before: ${mb(before.rss)})`);

// Web pages: each ~130 KB, most of it the site's navigation and scripts around the report.
const pages = readdirSync(folder)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
if (pages.length > 0 && pageCount > 0) {
  const pageBytes = Array.from({ length: pageCount }, (_, i) => pages[i % pages.length]!.bytes.length).reduce((a, b) => a + b, 0);
  const pageStart = performance.now();
  for (let i = 0; i < pageCount; i++) {
    const page = pages[i % pages.length]!;
    parseTextSource(sourceFromBytes(`reports/bench-${i}-${page.name}`, page.bytes));
    if (i % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const pageSeconds = (performance.now() - pageStart) / 1000;
  console.log(`web pages parsed:   ${pageCount.toLocaleString('en')} (${mb(pageBytes)} of HTML)`);
  console.log(`time:               ${pageSeconds.toFixed(2)} s, ${((pageSeconds / pageCount) * 1000).toFixed(1)} ms per page`);
  console.log(`peak resident set:  ${mb(Math.max(peakRss, process.memoryUsage().rss))}`);
}
