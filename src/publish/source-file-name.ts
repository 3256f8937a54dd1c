/**
 * Where a report's original file is published: /data/sources/<id><ext>, and only for a format
 * the portal reads (reports/ is untrusted input: a stray .xml, .svg, .shtml or credentials.env
 * must never become a file the portal's address serves). A saved web page keeps its bytes but
 * gets `.txt` after its extension, so that the site serves it as text: the agency's page, with
 * its scripts, never runs under the portal's address. The link offers the original name for
 * saving.
 */
import { basename, extname } from 'node:path';
import { FORMAT_BY_EXTENSION } from '../read/read-report.ts';

/** The formats whose files are markup a browser would run: published as text. */
const MARKUP = new Set(['html']);

/** The published name of a file's original, or null when it is not a format the portal reads. */
export function publishedSourceName(id: string, sourcePath: string): string | null {
  const extension = extname(sourcePath).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format === undefined) return null;
  return `${id}${extension}${MARKUP.has(format) ? '.txt' : ''}`;
}

/** The name the reader's browser saves the original under. */
export function originalFileName(sourcePath: string): string {
  return basename(sourcePath);
}

/** The published name of a report's original: a record always comes from a format the portal reads. */
export function reportSourceName(id: string, sourcePath: string): string {
  const name = publishedSourceName(id, sourcePath);
  if (name === null) throw new Error(`A report from ${sourcePath}, which is no format the portal reads`);
  return name;
}
