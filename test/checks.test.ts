/**
 * The consistency rules, on real pages that break them (as a person found when checking the
 * fixtures) and on a sample record changed one number at a time.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import { checkReport, checkSeries } from '../src/checks/index.ts';
import type { Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';

const parse = (name: string) => {
  const input = ['input.txt', 'input.html'].map((file) => `${FIXTURES}/${name}/${file}`);
  return parseReportFile(relative(process.cwd(), input.find((path) => existsSync(path))!));
};
const rules = (report: Report) => report.findings.map((finding) => finding.rule).filter((rule) => !['missing-part', 'missing-rows'].includes(rule));
const clone = (report: Report): Report => structuredClone(report);

describe('rules within a report, on real pages', () => {
  it('农业农村局 2023: 总计 of 本年新收 and 上年结转 swapped, and the text says 7 applications', async () => {
    const report = await parse('pingtan-2023-nongye-nongcun');
    expect(rules(report)).toEqual(['row-total', 'row-total', 'prose-tables']);
    const [newReceived, carriedOver, prose] = report.findings.filter((f) => f.rule !== 'missing-part');
    expect(newReceived!.message).toBe('“一、本年新收政府信息公开申请数量”一行的六类申请人之和应等于总计：6 + 1 + 0 + 0 + 0 + 0 = 7，报告所列总计为 0');
    expect(newReceived!.paths).toContain('applications.newReceived.total');
    expect(carriedOver!.message).toContain('报告所列总计为 7');
    expect(prose!.message).toBe('正文称“共收到政府信息公开申请7份”，申请情况表所列本年新收申请总计为 0 件');
  });

  it('自然资源与生态环境局 2023: 部分公开 and （七）总计 leave out the enterprise', async () => {
    const report = await parse('pingtan-2023-ziran-ziyuan');
    expect(rules(report)).toEqual(['applications-balance', 'row-total', 'row-total']);
  });

  it('行政审批局 2024: 行政复议 结果维持 1, 总计 0', async () => {
    const report = await parse('pingtan-2024-xingzheng-shenpi');
    expect(rules(report)).toContain('review-total');
    const finding = report.findings.find((f) => f.rule === 'review-total')!;
    expect(finding.message).toBe('行政复议的总计应等于结果维持、结果纠正、其他结果、尚未审结之和：1 + 0 + 0 + 0 = 1，报告所列总计为 0');
    expect(finding.line).toBe(355);
    expect(finding.column).toBeGreaterThan(1);
  });

  it('finds nothing in a report that adds up', async () => {
    expect(checkReport(await parse('2019-template-procurement'))).toEqual([]);
    expect(checkReport(await parse('pingtan-2023-jiaotong-jianshe'))).toEqual([]);
  });
});

describe('rules within a report, one number changed', () => {
  it('applications-balance and results-total', async () => {
    const report = clone(await parse('2021-template-stray-lines-in-merged-cell'));
    report.applications.carriedForward.naturalPerson = 2;
    report.applications.carriedForward.total = 2;
    expect(checkReport(report).map((f) => f.rule)).toEqual(['applications-balance', 'applications-balance']);
    report.applications.carriedForward = clone(await parse('2021-template-stray-lines-in-merged-cell')).applications.carriedForward;
    report.applications.results.granted.naturalPerson = 1;
    report.applications.results.granted.total = 1;
    expect(checkReport(report).map((f) => f.rule)).toEqual(['results-total', 'results-total']);
  });

  it('does not treat a blank as 0', async () => {
    const report = await parse('2021-template-agency-only-in-body');
    // Every applicant cell is blank and every 总计 is 0: nothing can be checked, nothing is wrong.
    expect(checkReport(report)).toEqual([]);
  });

  it('finds a row whose filled cells already exceed its total, where the rest are blank', async () => {
    const report = clone(await parse('2021-template-agency-only-in-body'));
    // Blank applicant cells and a 总计 of 0: filling one cell with 3 cannot add up, whatever the blanks are.
    report.applications.newReceived.naturalPerson = 3;
    const found = checkReport(report);
    expect(found.find((f) => f.rule === 'row-total')?.message).toBe(
      '“一、本年新收政府信息公开申请数量”一行已填的申请人各栏之和 3 已超过报告所列总计 0（其余为空白格，无论是多少都不能使两者相符）',
    );
    // 本年新收 3 + 上年结转 1 = 4 handled or carried forward at most; 5 handled is too many.
    report.applications.carriedOver.naturalPerson = 1;
    report.applications.results.total.naturalPerson = 5;
    expect(checkReport(report).find((f) => f.rule === 'applications-balance')?.message).toBe(
      '自然人一栏办理结果总计与结转下年度已填的数之和 5 已超过另一边之和 4（其余为空白格，无论是多少都不能使两边相等）',
    );
    report.reviewLitigation.review = { upheld: 2, corrected: null, other: null, pending: null, total: 1 };
    expect(checkReport(report).find((f) => f.rule === 'review-total')?.message).toContain('之和 2 已超过报告所列总计 1');
    // Filled cells within the total say nothing either way.
    report.reviewLitigation.review = { upheld: 1, corrected: null, other: null, pending: null, total: 1 };
    expect(checkReport(report).some((f) => f.rule === 'review-total')).toBe(false);
  });

  it('implied-count: a part-2 row whose counts imply a negative number (one digit mistyped)', async () => {
    // 2021 template, 金井片区 2023: 行政规范性文件 本年制发 0, 本年废止 0, 现行有效 7.
    const page = clone(await parse('pingtan-2023-jinjing-pianqu'));
    if (page.template !== '2021') throw new Error('2021 template expected');
    expect(checkReport(page).filter((f) => f.rule === 'implied-count')).toEqual([]);
    page.proactive.normativeDocuments.issued = 9;
    const [stock] = checkReport(page).filter((f) => f.rule === 'implied-count');
    expect(stock?.message).toBe('行政规范性文件：现行有效件数 7 少于本年制发 9 − 本年废止 0 = 9，则上年末的现行有效件数为 -2，不可能为负数；请核对这三个数');
    expect(stock?.paths).toEqual(['proactive.normativeDocuments.inForce', 'proactive.normativeDocuments.issued', 'proactive.normativeDocuments.repealed']);
    expect(stock?.line).toBe(355);
    // Repealing more than were issued is possible: older documents were in force.
    page.proactive.normativeDocuments = { issued: 0, repealed: 3, inForce: 7 };
    expect(checkReport(page).some((f) => f.rule === 'implied-count')).toBe(false);
    // A blank is not 0: nothing is said.
    page.proactive.normativeDocuments = { issued: 9, repealed: null, inForce: 7 };
    expect(checkReport(page).some((f) => f.rule === 'implied-count')).toBe(false);

    // 2019 template: 其他对外管理服务事项 上一年 5, 本年增/减 -3; a change of -8 leaves -3 items.
    const signed = clone(await parse('html-2019-template-signed-changes'));
    if (signed.template !== '2019') throw new Error('2019 template expected');
    expect(checkReport(signed).filter((f) => f.rule === 'implied-count')).toEqual([]);
    signed.proactive.otherServices.change = -8;
    expect(checkReport(signed).filter((f) => f.rule === 'implied-count').map((f) => f.message)).toEqual([
      '其他对外管理服务事项：上一年项目数量 5 加本年增/减 -8 为 -3，本年的项目数量不可能为负数；请核对这两个数',
    ]);
  });

  it('prose-tables: the text says no application was received', async () => {
    const report = clone(await parse('2021-template-agency-only-in-body'));
    report.applications.newReceived.total = 2;
    const findings = checkReport(report).filter((f) => f.rule === 'prose-tables');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('正文称“未接到任何形式的信息公开申请”，申请情况表却列本年新收申请 2 件');
    expect(findings[0]!.line).toBe(14);
  });

  it('prose-tables: no fee notice sent, but applications dropped for unpaid fees', async () => {
    const report = clone(await parse('2021-template-stray-lines-in-merged-cell'));
    if (report.template !== '2021') throw new Error('2021 template expected');
    report.applications.results.other.overdueFee.total = 1;
    expect(checkReport(report).some((f) => f.rule === 'prose-tables' && f.message.includes('逾期未按收费通知要求缴纳费用'))).toBe(true);
  });
});

describe('rules across years', () => {
  it('carried-over and in-force between consecutive reports of one agency', async () => {
    const first = await parse('pingtan-2023-xingzheng-shenpi');
    const second = clone(await parse('pingtan-2024-xingzheng-shenpi'));
    const [, checked] = checkSeries([first, second]);
    const added = checked!.findings.slice(second.findings.length);
    expect(added.map((f) => f.rule)).toEqual(['in-force']);
    expect(added[0]!.message).toBe('行政规范性文件：2024年的现行有效件数应为上年的 16 + 本年制发 15 − 本年废止 6 = 25，本报告所列为 21');

    second.applications.carriedOver.total = 5;
    const [, again] = checkSeries([first, second]);
    expect(again!.findings.some((f) => f.rule === 'carried-over' && f.message.includes('本报告所列为 5'))).toBe(true);
  });

  it('items-carried: this year’s 上一年项目数量 against last year’s and its change (2019 template)', async () => {
    const first = await parse('html-2019-template-signed-changes');
    if (first.template !== '2019') throw new Error('2019 template expected');
    const second = clone(first);
    second.year = first.year + 1;
    second.findings = [];
    if (second.template !== '2019') throw new Error('2019 template expected');
    // Each row's 上一年项目数量 as it should be (行政许可: 30 last year, +12 this year: 42) …
    const rows = second.proactive as unknown as Record<string, { previousYear?: number | null; change?: number | null }>;
    for (const [key, row] of Object.entries(first.proactive as unknown as typeof rows)) {
      if (row.previousYear != null && row.change != null) rows[key]!.previousYear = row.previousYear + row.change;
    }
    expect(checkSeries([first, second])[1]!.findings.filter((f) => f.rule === 'items-carried')).toEqual([]);
    // … but for 行政处罚, one more.
    second.proactive.penalty.previousYear = 11;
    const added = checkSeries([first, second])[1]!.findings.filter((f) => f.rule === 'items-carried');
    expect(added.map((f) => f.message)).toEqual([
      `行政处罚：${second.year}年报告的上一年项目数量应为${first.year}年报告的上一年项目数量 10 加本年增/减 0，即 10，本报告所列为 11`,
    ]);
    expect(added[0]!.paths).toEqual(['proactive.penalty.previousYear']);
  });

  it('compares only consecutive years of the same agency', async () => {
    const a = await parse('pingtan-2023-xingzheng-shenpi');
    const b = clone(await parse('pingtan-2024-xingzheng-shenpi'));
    b.year = 2025;
    expect(checkSeries([a, b])[1]!.findings).toEqual(b.findings);
  });
});
