/**
 * Every input format ends in the same mdast tree; nothing after this step knows where the tree
 * came from. A new format is a new entry in these tables.
 */
import type { SourceFormat } from '../read/read-report.ts';
import type { FrontEndResult } from './front-end.ts';
import { htmlToMdast } from './html-to-mdast.ts';
import { textDumpToMdast } from './text-dump-to-mdast.ts';
import { pageTextToMdast } from './page-text-to-mdast.ts';

export type BinaryFormat = 'docx' | 'pdf' | 'doc' | 'wps' | 'rtf';
export type TextFormat = Exclude<SourceFormat, BinaryFormat>;

/**
 * The layouts a text file comes in: text extracted from a Word file (each table cell on a line
 * that starts with a tab), or the text of a web page (copied in a browser, innerText, a crawler's
 * capture: tabs between cells or none, one cell per line, blank cells as blank lines or nothing).
 */
export type TextLayout = 'word-dump' | 'page-text';

export const textLayouts: Readonly<Record<TextLayout, (text: string) => FrontEndResult>> = {
  'word-dump': (text) => ({ tree: textDumpToMdast(text), metadata: null }),
  'page-text': pageTextToMdast,
};

/**
 * Which layout a text is in. A Word file's text has its table cells on lines that begin with a
 * tab and hold nothing else; a page's text has numbers on lines of their own, or tabs between
 * the cells of a line.
 */
export function textLayout(text: string): TextLayout {
  let dumpCells = 0;
  let pageCells = 0;
  for (const line of text.split('\n')) {
    if (/^\t+[^\t\s]/.test(line) && !/[^\t]\t/.test(line.trimEnd())) dumpCells++;
    else if (/[^\t\s]\t/.test(line) || /^[ \u3000\u00a0]*[0-9０-９][0-9０-９,，.]*[ \u3000\u00a0]*$/.test(line)) pageCells++;
  }
  return dumpCells >= 10 && dumpCells > pageCells ? 'word-dump' : 'page-text';
}

/**
 * Front ends that read decoded text: text and web pages, the formats of most reports, loaded with
 * the parser. Markdown's (remark and micromark, a few hundred modules) is loaded when a Markdown
 * file comes (`textFrontEnd`), so that a build which parses one new web page does not wait for it.
 */
export const textFrontEnds: Readonly<Record<Exclude<TextFormat, 'markdown'>, (text: string) => FrontEndResult>> = {
  text: (text) => textLayouts[textLayout(text)](text),
  html: htmlToMdast,
};

/** The front end of a text format, loaded if it is not yet. */
export async function textFrontEnd(format: TextFormat): Promise<(text: string) => FrontEndResult> {
  if (format === 'markdown') return (await import('./markdown-to-mdast.ts')).markdownToMdast;
  return textFrontEnds[format];
}

/** Front ends that read the file's bytes, each loaded when a file of its kind comes (mammoth, PDF.js, LibreOffice's runner). */
export const binaryFrontEnds: Readonly<Record<BinaryFormat, (bytes: Uint8Array) => Promise<FrontEndResult>>> = {
  docx: async (bytes) => (await import('./docx-to-mdast.ts')).docxToMdast(bytes),
  pdf: async (bytes) => (await import('./pdf-to-mdast.ts')).pdfToMdast(bytes),
  doc: async (bytes) => (await import('./legacy-word-to-mdast.ts')).legacyWordToMdast(bytes, 'doc'),
  wps: async (bytes) => (await import('./legacy-word-to-mdast.ts')).legacyWordToMdast(bytes, 'wps'),
  rtf: async (bytes) => (await import('./legacy-word-to-mdast.ts')).legacyWordToMdast(bytes, 'rtf'),
};

export function isBinaryFormat(format: SourceFormat): format is BinaryFormat {
  return format in binaryFrontEnds;
}

export type { FrontEndResult, SourceMetadata } from './front-end.ts';
