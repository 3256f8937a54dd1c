/**
 * What every front end returns: the mdast tree (headings, paragraphs, GFM tables) and what the
 * source states about the report outside its text — a web page's metadata block, or the front
 * matter an editor wrote at the top of a Markdown file.
 */
import type { Root } from 'mdast';
import type { SourceInfo } from '../schema/report.ts';

export type SourceMetadata = NonNullable<SourceInfo['metadata']>;

export interface FrontEndResult {
  tree: Root;
  metadata: SourceMetadata | null;
}

/** A metadata record with every field empty. */
export function emptyMetadata(origin: SourceMetadata['origin']): SourceMetadata {
  return { origin, title: null, agency: null, year: null, region: null, publishedOn: null, indexNumber: null };
}
