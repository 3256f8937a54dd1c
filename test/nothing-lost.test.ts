/**
 * Nothing in a source file is silently dropped: every line of prose is in the record, and every
 * table cell that holds a digit is either a value with its source recorded or named in a finding.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import { cleanLine } from '../src/front-ends/text-dump-to-mdast.ts';
import { looksLikeValue } from '../src/report-format/numbers.ts';
import { fixtureCases } from './fixture-cases.ts';

const cases = fixtureCases().filter((c) => c.name !== 'not-a-report');

describe.each(cases)('$name', ({ input }) => {
  const lines = readFileSync(input, 'utf8').split('\n');

  it('keeps every line of prose', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const blocks = [...report.preamble, ...report.sections.flatMap((s) => s.blocks)];
    const published = [report.title ?? '', ...report.sections.map((s) => s.heading), ...blocks.map((b) => b.text)].join('\n');
    const prose = lines.map((line, index) => ({ line: index + 1, text: cleanLine(line) }))
      .filter(({ text }, index) => text !== '' && !lines[index]!.startsWith('\t'));
    // Lines inside tables without a tab continue a cell; they are checked with the cells below.
    const tableContinuations = new Set(['制作数量', '公开数量', '三、本年度办理结果']);
    for (const { line, text } of prose) {
      if (tableContinuations.has(text)) continue;
      expect(published.includes(text), `line ${line}: ${text}`).toBe(true);
    }
  });

  it('accounts for every number in every table cell', async () => {
    const report = await parseReportFile(relative(process.cwd(), input));
    const recorded = new Set(Object.values(report.source.cells).map((cell) => cell.line));
    const named = new Set(report.findings.map((finding) => finding.line));
    lines.forEach((line, index) => {
      if (!line.startsWith('\t') || !/[0-9０-９]/.test(line) || !looksLikeValue(line)) return;
      const lineNumber = index + 1;
      expect(recorded.has(lineNumber) || named.has(lineNumber), `line ${lineNumber}: ${line.trim()}`).toBe(true);
    });
  });
});
