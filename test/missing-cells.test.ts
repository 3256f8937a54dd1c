/**
 * A saved page whose table row lost one <td> (issue 13): the browser shifts the row's cells left
 * and the page's grid is a cell short at the end. Every value read from such a page is the
 * original's or null, and wherever a value is not the original's a finding names its row: never
 * a shifted number published as if it were right. Each value cell of the applications matrix and
 * the review table of two real pages is removed in turn.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/parse-report.ts';
import { nodeAt } from '../src/schema/record-paths.ts';
import type { Report } from '../src/schema/report.ts';
import { cellSources } from '../src/schema/cell-places.ts';

const PAGES = ['reports/2024-平潭综合实验区行政审批局.html', 'reports/2021-平潭综合实验区金井片区管理局.html'];

/** The offset of a line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

describe('a table row that lost one <td>', () => {
  it.each(PAGES)('%s: every value is the original’s or null, and a finding names each row that changed', async (path) => {
    const page = readFileSync(path, 'utf8');
    const original = await parseReportBytes(path, Buffer.from(page));
    const cells = cellSources(original).filter(([key]) => /^(proactive|applications|reviewLitigation)\./.test(key));
    expect(cells.length).toBeGreaterThan(150);
    let changedRows = 0;
    for (const [key, source] of cells) {
      const start = offsetOf(page, source.line!, source.column!);
      expect(page.startsWith('<t', start), key).toBe(true);
      const end = page.indexOf('</td>', start) + '</td>'.length;
      const mutated: Report = await parseReportBytes(path, Buffer.from(page.slice(0, start) + page.slice(end)));
      for (const [other] of cells) {
        const before = nodeAt(original, other);
        const after = nodeAt(mutated, other);
        if (after === before) continue;
        expect(after, `${key} removed: ${other}`).toBeNull();
        const row = other.slice(0, other.lastIndexOf('.'));
        const named = mutated.findings.some((finding) => finding.paths.some((p) => other === p || row === p || other.startsWith(`${p}.`)));
        expect(named, `${key} removed: ${other} became null with no finding on its row`).toBe(true);
        changedRows++;
      }
    }
    // The removals did change what was read (every one of them takes a number away).
    expect(changedRows).toBeGreaterThan(0);
  });
});
