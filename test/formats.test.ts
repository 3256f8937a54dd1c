/**
 * The same report in every format an editor receives gives the same table values: each sample
 * report is written out as Markdown, as a web page (inside site navigation, a breadcrumb and a
 * footer) and as a Word file made with the docx package, and read back by its front end.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { toHtml } from 'hast-util-to-html';
import type { Root, Table as MdastTable } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyseSource, parseReportBytes } from '../src/parse-report.ts';
import { padTable, treeToMarkdown } from '../src/publish/report-markdown.ts';
import { sourceFromBytes } from '../src/read/read-report.ts';
import type { Report } from '../src/schema/report.ts';
import { fixtureCases } from './fixture-cases.ts';
import { cellSources } from '../src/schema/cell-places.ts';

const samples = fixtureCases().filter((c) => /^20\d\d-template-/.test(c.name));

function tables(report: Report) {
  const { proactive, applications, reviewLitigation, template } = report;
  return { template, proactive, applications, reviewLitigation };
}

function padded(tree: Root): Root {
  return { type: 'root', children: tree.children.map((node) => (node.type === 'table' ? padTable(node) : node)) };
}

function asWebPage(tree: Root): string {
  const article = toHtml(toHast(padded(tree)));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务公开</title></head><body>
<nav><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</nav>
<div class="main"><div class="article_content"><div class="TRS_Editor">${article}</div></div></div>
<footer>主办单位：某某人民政府办公室　网站标识码：0000000000</footer></body></html>`;
}

function asWordFile(tree: Root): Promise<Buffer> {
  const children = padded(tree).children.map((node) => {
    if (node.type === 'table') {
      return new Table({
        rows: (node as MdastTable).children.map(
          (row) =>
            new TableRow({
              children: row.children.map((cell) => new TableCell({ children: [new Paragraph(toString(cell))] })),
            }),
        ),
      });
    }
    const heading =
      node.type === 'heading' ? [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2][node.depth - 1] : undefined;
    return new Paragraph({ text: toString(node), ...(heading ? { heading } : {}), alignment: AlignmentType.LEFT });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe.each(samples)('$name in every format', ({ input }) => {
  const path = relative(process.cwd(), input);
  const original = analyseSource(sourceFromBytes(path, readFileSync(input)));

  it('as Markdown', async () => {
    const { report, frontEnd } = await original;
    const again = await parseReportBytes('report.md', Buffer.from(treeToMarkdown(frontEnd.tree, report)));
    expect(tables(again)).toEqual(tables(report));
  });

  it('as a web page', async () => {
    const { report, frontEnd } = await original;
    const again = await parseReportBytes('report.html', Buffer.from(asWebPage(frontEnd.tree)));
    expect(again.source.format).toBe('html');
    expect(tables(again)).toEqual(tables(report));
    expect(again.agency.name).toBe(report.agency.name);
    expect(again.year).toBe(report.year);
  });

  it('as text copied from the Word file (a row a line, tabs between its cells)', async () => {
    const { report, frontEnd } = await original;
    const text = padded(frontEnd.tree)
      .children.map((node) =>
        node.type === 'table' ? node.children.map((row) => row.children.map((cell) => toString(cell)).join('\t')).join('\n') : toString(node),
      )
      .join('\n');
    const again = await parseReportBytes('report.txt', Buffer.from(text));
    expect(tables(again)).toEqual(tables(report));
    expect(again.agency.name).toBe(report.agency.name);
  });

  it('as a Word file', async () => {
    const { report, frontEnd } = await original;
    const again = await parseReportBytes('report.docx', await asWordFile(frontEnd.tree));
    expect(again.source).toMatchObject({ format: 'docx', encoding: null, lines: null });
    expect(tables(again)).toEqual(tables(report));
    expect(cellSources(again).every(([, cell]) => cell.line === null)).toBe(true);
  });
});

/** A web page's paragraphs and tables as a Word document, merged cells kept as merged cells. */
function pageAsWordFile(html: string): Promise<Buffer> {
  const root = unified().use(rehypeParse).parse(html);
  const body = select('.TRS_Editor', root)!;
  const blocks = selectAll('p, table', body).filter(
    (node) => node.tagName === 'table' ? !selectAll('table', node).some((inner) => inner !== node) : !selectAll('table', body).some((table) => !selectAll('table', table).some((inner) => inner !== table) && selectAll('p', table).includes(node)),
  );
  const children = blocks.map((node) => {
    if (node.tagName !== 'table') return new Paragraph(toText(node).trim());
    return new Table({
      rows: selectAll('tr', node).map(
        (tr) =>
          new TableRow({
            children: selectAll('td, th', tr).map(
              (td) =>
                new TableCell({
                  children: [new Paragraph(toText(td).replace(/\s+/g, ''))],
                  rowSpan: Number(td.properties['rowSpan'] ?? 1),
                  columnSpan: Number(td.properties['colSpan'] ?? 1),
                }),
            ),
          }),
      ),
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('a Word file with the template’s merged header blocks', () => {
  it('gives the same table values as the web page it was made from', async () => {
    const input = fixtureCases().find((c) => c.name === 'html-2021-template-merged-headers-in-layout-table')!.input;
    const page = await parseReportBytes('page.html', readFileSync(input));
    // The agency is only in the page's metadata block, which a Word file does not have: the file name says it.
    const word = await parseReportBytes('2021-长春市南关区统计局.docx', await pageAsWordFile(readFileSync(input, 'utf8')));
    expect(tables(word)).toEqual(tables(page));
  });
});
