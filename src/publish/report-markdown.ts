/**
 * A report's tree written out as clean Markdown with GFM tables (mdast-util-to-markdown and the
 * table extension of mdast-util-gfm-table). Parsed back by the Markdown front end it gives the
 * same record: the round trip is tested for every fixture. This is the Markdown download.
 *
 * Two things keep the round trip exact:
 * - GFM cuts every table row to the width of its first row, so each row is padded to the widest
 *   one — at its start, where a merged label cell would stand, so that the value cells keep
 *   their place at the end of the row;
 * - what the record took from outside the text (a web page's metadata, the file name) is written
 *   as front matter, since the Markdown file has neither.
 */
import type { Paragraph, Root, Table, TableCell, Text } from 'mdast';
import { markdownTable } from 'markdown-table';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { defaultHandlers, toMarkdown, type Handle } from 'mdast-util-to-markdown';
import { stringify as stringifyYaml } from 'yaml';
import type { Report } from '../schema/report.ts';

export function padTable(table: Table): Table {
  const width = Math.max(1, ...table.children.map((row) => row.children.length));
  return {
    ...table,
    align: Array.from({ length: width }, () => null),
    children: table.children.map((row) => ({
      ...row,
      children: [
        ...Array.from({ length: width - row.children.length }, (): TableCell => ({ type: 'tableCell', children: [] })),
        ...row.children,
      ],
    })),
  };
}

/** Front matter for what the record did not read from the text itself. */
function frontMatter(report: Report): Record<string, unknown> {
  const outside = (from: string) => from === 'pageMetadata' || from === 'fileName' || from === 'frontMatter';
  const data: Record<string, unknown> = {};
  if (outside(report.agency.nameFrom)) data['agency'] = report.agency.name;
  if (outside(report.yearFrom)) data['year'] = report.year;
  const metadata = report.source.metadata;
  if (metadata?.origin === 'frontMatter' && metadata.region) data['region'] = metadata.region;
  if (report.publishedOn && metadata?.publishedOn === report.publishedOn) data['publishedOn'] = report.publishedOn;
  // Where the report is published: a reader of the Markdown can go back to it.
  if (metadata?.url) data['url'] = metadata.url;
  return data;
}

/**
 * Text with no ASCII character but letters and digits: every character Markdown syntax is made
 * of, and every one mdast-util-to-markdown may escape or encode, is ASCII punctuation or
 * whitespace, so such text is written as it is. Most of a report is such text (Chinese prose,
 * numbers in table cells); checking it character by character against every construct took a
 * third of the time of ingesting a report.
 */
const PLAIN = /^[A-Za-z0-9\u0080-\uffff]*$/;

const text: Handle = (node: Text, parent, state, info) => (PLAIN.test(node.value) ? node.value : defaultHandlers.text(node, parent, state, info));

const gfmTable = gfmTableToMarkdown();

/** The one text of a node, if it is plain (see PLAIN) or the node is empty. */
function plainText(node: Paragraph | TableCell): string | undefined {
  if (node.children.length === 0) return '';
  const [only] = node.children;
  return node.children.length === 1 && only!.type === 'text' && PLAIN.test(only!.value) ? only!.value : undefined;
}

/** A paragraph of plain text is its text (what the default handler makes of it, without the phrasing machinery). */
const paragraph: Handle = (node: Paragraph, parent, state, info) => plainText(node) ?? defaultHandlers.paragraph(node, parent, state, info);

/**
 * A table goes to markdown-table as mdast-util-gfm-table hands it over: each cell's text, a plain
 * one as it is (a report's labels and numbers), any other written as the extension writes a cell.
 */
const table: Handle = (node: Table, _parent, state, info) => {
  const exitTable = state.enter('table');
  const matrix = node.children.map((row) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((cell) => {
      const plain = plainText(cell);
      if (plain !== undefined) return plain;
      const exitCell = state.enter('tableCell');
      const exitPhrasing = state.enter('phrasing');
      const value = state.containerPhrasing(cell, { ...info, before: ' ', after: ' ' });
      exitPhrasing();
      exitCell();
      return value;
    });
    exitRow();
    return cells;
  });
  exitTable();
  return markdownTable(matrix, { align: node.align, alignDelimiters: false, fillRows: false, padding: true });
};

export function treeToMarkdown(tree: Root, report: Report): string {
  const clean: Root = {
    type: 'root',
    children: tree.children.map((node) => (node.type === 'table' ? padTable(node) : node)),
  };
  const body = toMarkdown(clean, { extensions: [gfmTable], handlers: { text, paragraph, table }, bullet: '-', rule: '-' });
  const data = frontMatter(report);
  return Object.keys(data).length > 0 ? `---\n${stringifyYaml(data)}---\n\n${body}` : body;
}
