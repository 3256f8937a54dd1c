/**
 * What every front end returns: the mdast tree (headings, paragraphs, GFM tables) and what the
 * source states about the report outside its text — a web page's metadata block, or the front
 * matter an editor wrote at the top of a Markdown file.
 */
import type { Root } from 'mdast';
import type { SourceInfo } from '../schema/report.ts';
import type { FrontEndFinding } from './template-rows.ts';

export type SourceMetadata = NonNullable<SourceInfo['metadata']>;

export interface FrontEndResult {
  tree: Root;
  metadata: SourceMetadata | null;
  /** What the front end could not read for sure (a row whose cells it could not tell apart …). */
  findings?: FrontEndFinding[];
}

/** A metadata record with every field empty. */
export function emptyMetadata(origin: SourceMetadata['origin']): SourceMetadata {
  return { origin, title: null, agency: null, year: null, region: null, publishedOn: null, indexNumber: null, url: null };
}

/**
 * A web address the portal may link to: an absolute http or https URL (normalised), else null.
 * A report's own address can say anything (javascript:, data:, a relative path): only this passes.
 */
export function webAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
