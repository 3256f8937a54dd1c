/**
 * Every input format ends in the same mdast tree; nothing after this step knows where the tree
 * came from. A new format is a new entry in these tables.
 */
import type { SourceFormat } from '../read/read-report.ts';
import { docxToMdast } from './docx-to-mdast.ts';
import type { FrontEndResult } from './front-end.ts';
import { htmlToMdast } from './html-to-mdast.ts';
import { markdownToMdast } from './markdown-to-mdast.ts';
import { textDumpToMdast } from './text-dump-to-mdast.ts';

export type TextFormat = Exclude<SourceFormat, 'docx'>;

/** Front ends that read decoded text. */
export const textFrontEnds: Readonly<Record<TextFormat, (text: string) => FrontEndResult>> = {
  text: (text) => ({ tree: textDumpToMdast(text), metadata: null }),
  markdown: markdownToMdast,
  html: htmlToMdast,
};

/** Front ends that read the file's bytes. */
export const binaryFrontEnds: Readonly<Record<'docx', (bytes: Uint8Array) => Promise<FrontEndResult>>> = {
  docx: docxToMdast,
};

export type { FrontEndResult, SourceMetadata } from './front-end.ts';
