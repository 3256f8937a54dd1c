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
import { zipSizes } from './zip-sizes.ts';

/** What a report's .docx expands to: its XML is a few MB at most, its pictures some more. */
const EXPANDED_LIMIT = 200 * 1024 * 1024;
const ENTRY_LIMIT = 64 * 1024 * 1024;

export async function docxToMdast(bytes: Uint8Array): Promise<FrontEndResult> {
  const sizes = zipSizes(bytes);
  if (sizes && (sizes.total > EXPANDED_LIMIT || sizes.largest > ENTRY_LIMIT)) {
    throw new ReportError(
      'docx-too-large',
      `Word 文件解压后过大（其中最大的部分 ${Math.round(sizes.largest / 1024 / 1024)} MB，共 ${Math.round(sizes.total / 1024 / 1024)} MB；一份报告的内容不超过 ${ENTRY_LIMIT / 1024 / 1024} MB）：未读取`,
    );
  }
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
