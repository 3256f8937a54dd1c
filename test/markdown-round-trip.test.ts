/**
 * Any report's tree, written out as Markdown and parsed back, gives the same record — all but
 * what depends on the file itself (its format, bytes and line numbers) and where a value was
 * read (the Markdown says in front matter what a web page said in its metadata).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyseSource, parseReportBytes } from '../src/parse-report.ts';
import { sourceFromBytes } from '../src/read/read-report.ts';
import { treeToMarkdown } from '../src/publish/report-markdown.ts';
import type { Report } from '../src/schema/report.ts';
import { fixtureCases } from './fixture-cases.ts';

/** The record without its provenance: source, line numbers and the wording of findings that cite them. */
export function content(report: Report): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !['line', 'column', 'source', 'nameFrom', 'yearFrom', 'message'].includes(key))
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  return strip(report);
}

// Refused files (expected-error.json) have no record to compare.
const cases = fixtureCases().filter((c) => !existsSync(join(c.dir, 'expected-error.json')));

describe('Markdown round trip', () => {
  it.each(cases.map((c) => [c.name, c.input]))('%s', async (_, input) => {
    const path = relative(process.cwd(), input);
    const { report, frontEnd } = await analyseSource(sourceFromBytes(path, readFileSync(input)));
    const markdown = treeToMarkdown(frontEnd.tree, report);
    // GFM cuts rows to the width of the header row: every row must be as wide as its header.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    for (const table of tree.children.filter((node): node is Table => node.type === 'table')) {
      const width = table.children[0]!.children.length;
      for (const row of table.children) expect(row.children.length).toBe(width);
    }
    const again = await parseReportBytes(path.replace(/\.\w+$/, '.md'), Buffer.from(markdown));
    expect(again.source.format).toBe('markdown');
    expect(content(again)).toEqual(content(report));
  });
});

describe('Markdown export escaping', () => {
  // Plain text (Chinese, letters, digits) is written as it is; anything with ASCII punctuation
  // or whitespace still goes through mdast-util-to-markdown's escaping.
  const write = (value: string, cell = false) => {
    const text = { type: 'text' as const, value };
    const paragraph = { type: 'paragraph' as const, children: [text] };
    const table: Table = { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text] }] }] };
    const report = { agency: { nameFrom: 'text' }, yearFrom: 'text', source: {} } as unknown as Report;
    return treeToMarkdown({ type: 'root', children: [cell ? table : paragraph] }, report);
  };

  it.each([
    ['本年度新收申请12件', '本年度新收申请12件\n'],
    ['1. 主动公开', '1\\. 主动公开\n'],
    ['# 标题', '\\# 标题\n'],
    ['*重点*', '\\*重点\\*\n'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>\n'],
  ])('writes the paragraph %j as %j', (value, expected) => {
    expect(write(value)).toBe(expected);
  });

  it('escapes a pipe in a table cell and leaves a plain cell alone', () => {
    expect(write('甲|乙', true)).toContain('甲\\|乙');
    expect(write('1250', true)).toContain('| 1250 |');
  });
});
