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
import type { Element, Root } from 'hast';
import { fixtureCases } from './fixture-cases.ts';
import { cellSources } from '../src/schema/cell-places.ts';

// Refused files (expected-error.json) have no record to compare.
const cases = fixtureCases().filter((c) => !existsSync(join(c.dir, 'expected-error.json')));

/** The element that holds every table of a page: the report's body wherever the page puts it. */
function holderOfTables(root: Root): Element {
  const parents = new Map<Element | Root, Element | Root>();
  visit(root, 'element', (node: Element, _index, parent) => {
    if (parent) parents.set(node, parent as Element | Root);
  });
  const chain = (node: Element | Root) => {
    const list: Array<Element | Root> = [];
    for (let at: Element | Root | undefined = node; at; at = parents.get(at)) list.unshift(at);
    return list;
  };
  const chains = selectAll('table', root).map(chain);
  let depth = 0;
  while (chains.every((list) => list[depth] !== undefined && list[depth] === chains[0]![depth])) depth++;
  return chains[0]![depth - 1] as Element;
}

/** Whether a place (line, column) lies within a node. */
const within = (node: Element, line: number | null, column: number | null) => {
  if (line === null || column === null) return false;
  const { start, end } = node.position!;
  const after = line > start.line || (line === start.line && column >= start.column);
  const before = line < end.line || (line === end.line && column <= end.column);
  return after && before;
};

describe.each(cases.filter((c) => c.input.endsWith('.html')))('$name', ({ input }) => {
  const root = unified().use(rehypeParse).parse(readFileSync(input, 'utf8'));
  // The report's body: the CMS's article element where the page has one, else what holds its tables.
  const body = select('.TRS_Editor', root) ?? holderOfTables(root);

  it('finds the report in the page to check against', () => {
    expect(selectAll('table', body).length).toBeGreaterThanOrEqual(3);
    expect(selectAll('p, h1, h2, h3, h4', body).filter((node) => toText(node).trim() !== '').length).toBeGreaterThan(10);
  });

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
    const recorded = new Set(cellSources(report).map(([, cell]) => `${cell.line}:${cell.column}`));
    const unrecorded = selectAll('td, th', body).filter((cell) => {
      const text = toText(cell).trim();
      const { line, column } = cell.position!.start;
      return /[0-9]/.test(text) && looksLikeValue(text) && !recorded.has(`${line}:${column}`);
    });
    // A number not read is in a row a finding names: the finding is placed in that row and quotes it.
    const ROW_RULES = ['row-not-in-template', 'unknown-row-label', 'extra-row', 'wrong-cell-count', 'duplicate-row', 'unknown-column', 'unlabelled-row'];
    const rowFindings = report.findings.filter((finding) => ROW_RULES.includes(finding.rule));
    const rows = selectAll('tr', body);
    for (const cell of unrecorded) {
      const row = rows.find((candidate) => candidate.children.includes(cell))!;
      const named = rowFindings.some((finding) => within(row, finding.line, finding.column) && finding.message.includes(`“${toText(cell).trim()}”`));
      expect(named, `${cell.position!.start.line}:${cell.position!.start.column} ${toText(cell).trim()}`).toBe(true);
    }
    // It looked at the numbers: most cells with a digit were read.
    const numbers = selectAll('td, th', body).filter((cell) => /[0-9]/.test(toText(cell)) && looksLikeValue(toText(cell).trim()));
    expect(numbers.length).toBeGreaterThan(30);
  });
});

describe.each(cases.filter((c) => c.input.endsWith('.md')))('$name', ({ input }) => {
  it('accounts for every number in every table cell', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const recorded = new Set(cellSources(report).map(([, cell]) => `${cell.line}:${cell.column}`));
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
    const recorded = new Set(cellSources(report).map(([, cell]) => cell.line));
    const named = new Set(report.findings.map((finding) => finding.line));
    lines.forEach((line, index) => {
      if (!line.startsWith('\t') || !/[0-9０-９]/.test(line) || !looksLikeValue(line)) return;
      const lineNumber = index + 1;
      expect(recorded.has(lineNumber) || named.has(lineNumber), `line ${lineNumber}: ${line.trim()}`).toBe(true);
    });
  });
});
