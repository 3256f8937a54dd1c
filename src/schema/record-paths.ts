/** Reading a record by the dotted JSON paths its values are named by (applications.newReceived.total). */
import type { Report } from './report.ts';

const splits = new Map<string, readonly string[]>();

/**
 * A dotted path's keys. The paths are the templates' few hundred, read for every value of every
 * report a page shows: each is split once (splitting it each time was a tenth of rendering a
 * report's page).
 */
export function splitPath(path: string): readonly string[] {
  let keys = splits.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    // Paths come from the code's templates; a bound keeps a caller with made-up paths from growing it.
    if (splits.size < 10_000) splits.set(path, keys);
  }
  return keys;
}

/** Whatever is at a dotted JSON path of a record (undefined where the path leads nowhere). */
export function nodeAt(report: Report, path: string): unknown {
  let node: unknown = report;
  for (const key of splitPath(path)) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return node;
}

/** The number at a dotted JSON path, or null where it is blank, text or absent. */
export function numberAt(report: Report, path: string): number | null {
  const value = nodeAt(report, path);
  return typeof value === 'number' ? value : null;
}
