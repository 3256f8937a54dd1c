/**
 * The words a report page uses for where its values are (provenance.ts) and for its findings
 * (reader-findings.ts), on made-up places and on every finding of the fixtures.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/schema/report.ts';
import type { CellSource } from '../src/schema/cell-places.ts';
import { cellPlace, originalAt, rowPlace } from '../src/site/provenance.ts';
import { readerFindings, readerText } from '../src/site/reader-findings.ts';
import { expectedRecord, expectsRecord, fixtureCases } from './fixture-cases.ts';

const at = (table: number, row: number, tableColumn: number, line: number | null = null): CellSource => ({ line, column: line === null ? null : 1, table, row, tableColumn, text: '0' });

const records = fixtureCases().filter((fixture) => expectsRecord(fixture.dir)).map((fixture) => expectedRecord<Report>(fixture.dir));

describe('places in the original', () => {
  it('names a value by table, row and column, or by line for a text', () => {
    expect(cellPlace(at(2, 6, 4, 355), false)).toBe('原文第2张表第6行第4列');
    expect(cellPlace(at(2, 6, 4, 21), true)).toBe('原文第21行');
    expect(cellPlace(at(2, 6, 4), true)).toBe('原文第2张表第6行第4列');
    expect(cellPlace(undefined, true)).toBeNull();
  });

  it('names a row by its columns, its rows or lines, and says what the original lacks', () => {
    const row = [4, 5, 6, 7, 8, 9, 10].map((column) => at(2, 6, column));
    expect(rowPlace(row, false)).toBe('原文第2张表第6行第4–10列');
    expect(rowPlace([at(2, 6, 4), at(2, 6, 6)], false)).toBe('原文第2张表第6行第4、6列');
    expect(rowPlace([at(2, 6, 4), at(2, 6, 5)], false)).toBe('原文第2张表第6行第4、5列');
    expect(rowPlace([at(2, 6, 4), at(3, 1, 2)], false)).toBe('原文第2张表第6行第4列；原文第3张表第1行第2列');
    expect(rowPlace([at(2, 6, 4), undefined], false)).toBe('原文第2张表第6行第4列（其余各栏原文没有）');
    expect(rowPlace([undefined, undefined], false)).toBeNull();
    expect(rowPlace([21, 22, 23].map((line) => at(2, 6, line, line)), true)).toBe('原文第21–23行');
    expect(rowPlace([at(2, 6, 4, 21), at(2, 6, 5, 21)], true)).toBe('原文第21行');
  });

  it('opens the agency’s page at a part’s heading, with the heading as a text fragment', () => {
    expect(originalAt('https://www.example.gov.cn/a.htm#top', '三、收到和处理政府信息公开申请情况')).toBe(
      `https://www.example.gov.cn/a.htm#:~:text=${encodeURIComponent('三、收到和处理政府信息公开申请情况')}`,
    );
    // A dash, a comma and an ampersand would end or split the fragment's text.
    const fragment = originalAt('https://x.gov.cn/', '一、总体情况-概述, 其他&说明')!.split('#:~:text=')[1]!;
    expect(fragment).not.toMatch(/[-,&]/);
    expect(fragment).toContain('%2D');
    expect(decodeURIComponent(fragment)).toBe('一、总体情况-概述, 其他&说明');
    expect(originalAt(null, '一、总体情况')).toBeNull();
    expect(originalAt('https://x.gov.cn/', null)).toBe('https://x.gov.cn/');
  });
});

describe('findings in a reader’s words', () => {
  const findings = records.flatMap((record) => record.findings.map((finding) => ({ record, finding })));

  it('keeps every number of a message, says blank for null, and drops a web page’s markup lines', () => {
    expect(findings.length).toBeGreaterThan(30);
    for (const { finding } of findings) {
      const words = readerText(finding.message, false);
      expect(words).not.toMatch(/null|第\d+行/);
      // The sums and the figures stay: what does not add up, and by how much.
      const figures = (text: string) => (text.replace(/第\d+行(?:第\d+列)?|不当作 0/g, '').match(/\d+/g) ?? []).join(' ');
      expect(figures(words)).toBe(figures(finding.message));
    }
    expect(readerText('记为空（null）', true)).toBe('按空白处理（不当作 0）');
    expect(readerText('主动公开表在第355行结束，缺少以下1行：规章', false)).toBe('主动公开表缺少以下1行：规章');
    expect(readerText('第178行的行标签“4.保户第三方合法权力”与模板的不同', true)).toBe('第178行的行标签“4.保户第三方合法权力”与模板的不同');
  });

  it('says where a finding is in the tables and points at its first cell, or its table', () => {
    const rowTotal = findings.find(({ finding }) => finding.rule === 'row-total')!;
    const reader = readerFindings(rowTotal.record).findings[rowTotal.record.findings.indexOf(rowTotal.finding)]!;
    expect(reader.kind).toBe('需要核对');
    expect(reader.headline).toBe('行合计与总计不符');
    expect(reader.where).toMatch(/^申请情况表“.+”一行$/);
    expect(reader.target).toBe(`v-${rowTotal.finding.paths[0]!.replaceAll('.', '-')}`);
    const missingTable = findings.find(({ finding }) => finding.rule === 'missing-table')!;
    const table = readerFindings(missingTable.record).findings[missingTable.record.findings.indexOf(missingTable.finding)]!;
    expect(table.kind).toBe('数字缺失');
    expect(table.target).toBe('table-review-litigation');
    expect(table.where).toBe('复议诉讼表');
    const part = findings.find(({ finding }) => finding.rule === 'missing-part')!;
    const noTable = readerFindings(part.record).findings[part.record.findings.indexOf(part.finding)]!;
    expect([noTable.where, noTable.target]).toEqual([null, null]);
  });
});
