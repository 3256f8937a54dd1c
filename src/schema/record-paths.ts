/** Reading a record by the dotted JSON paths its values are named by (applications.newReceived.total). */
import type { Report } from './report.ts';

/** Whatever is at a dotted JSON path of a record (undefined where the path leads nowhere). */
export function nodeAt(report: Report, path: string): unknown {
  let node: unknown = report;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return node;
}

/** The number at a dotted JSON path, or null where it is blank, text or absent. */
export function numberAt(report: Report, path: string): number | null {
  const value = nodeAt(report, path);
  return typeof value === 'number' ? value : null;
}
