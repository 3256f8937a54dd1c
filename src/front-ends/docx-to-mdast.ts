/**
 * Front end for Word files (.docx): mammoth turns the document into HTML (its tables, merged
 * cells and paragraphs), and the HTML front end does the rest. A Word file has no lines, so
 * positions are dropped: values trace to their cell text, not to a line number.
 */
import mammoth from 'mammoth';
import { visit } from 'unist-util-visit';
import { ReportError } from '../diagnostics/report-error.ts';
import type { FrontEndResult } from './front-end.ts';
import { htmlToMdast } from './html-to-mdast.ts';

export async function docxToMdast(bytes: Uint8Array): Promise<FrontEndResult> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new ReportError(
      'unreadable-docx',
      `无法读取 Word 文件（${String((error as Error).message).split('\n')[0]}）：应为 Word 2007 及以后的 .docx 文件`,
    );
  }
  const { tree } = htmlToMdast(`<body>${html}</body>`);
  visit(tree, (node) => {
    delete node.position;
  });
  return { tree, metadata: null };
}
