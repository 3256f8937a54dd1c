/**
 * Every input format ends in the same mdast tree; nothing after this step knows where the tree
 * came from. A new format is a new entry in this table.
 */
import type { Root } from 'mdast';
import type { SourceFormat } from '../read/read-report.ts';
import { textDumpToMdast } from './text-dump-to-mdast.ts';

export const frontEnds: Readonly<Record<SourceFormat, (text: string) => Root>> = {
  text: textDumpToMdast,
};

export { textDumpToMdast };
