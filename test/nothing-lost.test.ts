/**
 * Nothing in a source file is silently dropped: every line of prose is in the record, and every
 * table cell that holds a digit is either a value with its source recorded or named in a finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import { cleanLine } from '../src/front-ends/text-dump-to-mdast.ts';
import { looksLikeValue } from '../src/report-format/numbers.ts';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { unified } from 'unified';
import { fixtureCases } from './fixture-cases.ts';

// Refused files (expected-error.json) have no record to compare.
const cases = fixtureCases().filter((c) => !existsSync(join(c.dir, 'expected-error.json')));

describe.each(cases.filter((c) => c.input.endsWith('.html')))('$name', ({ input }) => {
  const root = unified().use(rehypeParse).parse(readFileSync(input, 'utf8'));
  const body = select('.TRS_Editor', root)!;

  it('keeps every paragraph of the article', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const blocks = [...report.preamble, ...report.sections.flatMap((s) => s.blocks)];
    const published = [report.title ?? '', ...report.sections.map((s) => s.heading), ...blocks.map((b) => b.text)]
      .join('\n')
      .replace(/\s+/g, '');
    const tables = new Set(selectAll('table', body).flatMap((table) => selectAll('p', table)));
    for (const paragraph of selectAll('p, h1, h2, h3, h4', body)) {
      if (tables.has(paragraph)) continue;
      const text = toText(paragraph).replace(/\s+/g, '');
      if (text === '') continue;
      expect(published.includes(text), text).toBe(true);
    }
  });

  it('accounts for every number in every table cell', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const recorded = new Set(Object.values(report.source.cells).map((cell) => `${cell.line}:${cell.column}`));
    const unrecorded = selectAll('td, th', body).filter((cell) => {
      const text = toText(cell).trim();
      const { line, column } = cell.position!.start;
      return /[0-9]/.test(text) && looksLikeValue(text) && !recorded.has(`${line}:${column}`);
    });
    // A page is one long line, so a number not read must be one a finding quotes (its row's values).
    const ROW_RULES = ['row-not-in-template', 'unknown-row-label', 'extra-row', 'wrong-cell-count', 'duplicate-row', 'unknown-column', 'unlabelled-row'];
    const quoted = report.findings
      .filter((finding) => ROW_RULES.includes(finding.rule))
      .reduce((count, finding) => count + (finding.message.match(/“[^”]*”/g)?.length ?? 0), 0);
    expect(unrecorded.length).toBeLessThanOrEqual(quoted);
  });
});

describe.each(cases.filter((c) => c.input.endsWith('.md')))('$name', ({ input }) => {
  it('accounts for every number in every table cell', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const recorded = new Set(Object.values(report.source.cells).map((cell) => `${cell.line}:${cell.column}`));
    const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(input, 'utf8'));
    visit(tree, 'tableCell', (cell) => {
      const text = mdastToString(cell).trim();
      if (!/[0-9]/.test(text) || !looksLikeValue(text)) return;
      const { line, column } = cell.position!.start;
      // The front end records the column where the cell's content starts, after the pipe.
      const near = [0, 1, 2].some((offset) => recorded.has(`${line}:${column + offset}`));
      expect(near, `${line}:${column} ${text}`).toBe(true);
    });
  });
});

describe.each(cases.filter((c) => c.input.endsWith('.txt')))('$name', ({ input }) => {
  const lines = readFileSync(input, 'utf8').split('\n');

  it('keeps every line of prose', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const blocks = [...report.preamble, ...report.sections.flatMap((s) => s.blocks)];
    const published = [report.title ?? '', ...report.sections.map((s) => s.heading), ...blocks.map((b) => b.text)].join('\n');
    const prose = lines.map((line, index) => ({ line: index + 1, text: cleanLine(line) }))
      .filter(({ text }, index) => text !== '' && !lines[index]!.startsWith('\t'));
    // Lines inside tables without a tab continue a cell; they are checked with the cells below.
    const tableContinuations = new Set(['制作数量', '公开数量', '三、本年度办理结果']);
    for (const { line, text } of prose) {
      if (tableContinuations.has(text)) continue;
      expect(published.includes(text), `line ${line}: ${text}`).toBe(true);
    }
  });

  it('accounts for every number in every table cell', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const recorded = new Set(Object.values(report.source.cells).map((cell) => cell.line));
    const named = new Set(report.findings.map((finding) => finding.line));
    lines.forEach((line, index) => {
      if (!line.startsWith('\t') || !/[0-9０-９]/.test(line) || !looksLikeValue(line)) return;
      const lineNumber = index + 1;
      expect(recorded.has(lineNumber) || named.has(lineNumber), `line ${lineNumber}: ${line.trim()}`).toBe(true);
    });
  });
});
