/**
 * Where a report's original file is published: /data/sources/<id><ext>. A saved web page keeps
 * its bytes but gets `.txt` after its extension, so that the site serves it as text: the agency's
 * page, with its scripts, never runs under the portal's address. The link offers the original
 * name for saving.
 */
import { basename, extname } from 'node:path';

const SERVED_AS_TEXT = new Set(['.html', '.htm', '.xhtml', '.svg']);

export function publishedSourceName(id: string, sourcePath: string): string {
  const extension = extname(sourcePath).toLowerCase();
  return `${id}${extension}${SERVED_AS_TEXT.has(extension) ? '.txt' : ''}`;
}

/** The name the reader's browser saves the original under. */
export function originalFileName(sourcePath: string): string {
  return basename(sourcePath);
}
