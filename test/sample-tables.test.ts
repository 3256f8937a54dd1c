/**
 * The sample reports' tables, typed by hand from reading each source file (line numbers refer
 * to test/fixtures/<case>/input.txt). These do not come from the parser's output: they restate
 * what a person reads in the source, so a wrong expected/ record cannot go unnoticed.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import type { ApplicantCounts, Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';
import { cellSourceAt } from '../src/schema/cell-places.ts';

async function sample(name: string): Promise<Report> {
  return parseReportFile(relative(process.cwd(), `${FIXTURES}/${name}/input.txt`));
}

/** Every applicant row of the matrix, in template order. */
function applicantRows(report: Report): ApplicantCounts[] {
  const a = report.applications;
  const r = a.results;
  const other = 'total' in r.other ? [r.other.total] : [r.other.overdueCorrection, r.other.overdueFee, r.other.otherReasons];
  return [
    a.newReceived,
    a.carriedOver,
    r.granted,
    r.partialGrant,
    ...Object.values(r.denied),
    ...Object.values(r.unableToProvide),
    ...Object.values(r.notProcessed),
    ...other,
    r.total,
    a.carriedForward,
  ];
}

const blankButTotal = (total: number): ApplicantCounts => ({
  naturalPerson: null,
  commercialEnterprise: null,
  researchInstitution: null,
  socialWelfareOrganization: null,
  legalServiceInstitution: null,
  otherOrganization: null,
  total,
});

const zeros: ApplicantCounts = {
  naturalPerson: 0,
  commercialEnterprise: 0,
  researchInstitution: 0,
  socialWelfareOrganization: 0,
  legalServiceInstitution: 0,
  otherOrganization: 0,
  total: 0,
};

const zeroOutcomes = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
const zeroReview = { review: zeroOutcomes, litigationDirect: zeroOutcomes, litigationAfterReview: zeroOutcomes };

describe('sample 000, 新春街道 2021 (title without agency)', () => {
  it('reads the agency from the 受理机构 sentence and the year from the 统计期限 sentence', async () => {
    const report = await sample('2021-template-agency-only-in-body');
    expect(report.agency.name).toBe('长春市南关区新春街道办事处');
    expect(report.agency.nameFrom).toBe('receivingBody');
    expect(report.year).toBe(2021);
    expect(report.yearFrom).toBe('statisticsPeriod');
    expect(report.contact).toEqual({
      address: '长春市长春大街1599号',
      postcode: '130042',
      phone: '84339350',
      fax: '0431-84339353',
      website: null,
      email: null,
    });
  });

  it('keeps the blank applicant cells null: lines 102-353 hold six blanks and a 0 per row', async () => {
    const report = await sample('2021-template-agency-only-in-body');
    const rows = applicantRows(report);
    expect(rows).toHaveLength(25);
    for (const row of rows) expect(row).toEqual(blankButTotal(0));
    expect(report.reviewLitigation).toEqual(zeroReview);
    expect(report.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 0 },
      penalty: { decisions: 0 },
      enforcement: { decisions: 0 },
      administrativeFees: { amountTenThousandYuan: 0 },
    });
  });
});

describe('sample 001, 世纪街道 2021 (内容事务, 情况 for 情形)', () => {
  it('reads the drifted labels as their rows, all zeros, and 行政许可 3 (line 56)', async () => {
    const report = await sample('2021-template-label-drift');
    expect(report.agency.name).toBe('世纪街道');
    expect(report.template).toBe('2021');
    for (const row of applicantRows(report)) expect(row).toEqual(zeros);
    expect(report.proactive).toMatchObject({ licensing: { decisions: 3 }, penalty: { decisions: 0 } });
    // The Word table's 12th row (three header rows, 一、二、（一）（二）, then 1. to 4. of （三）),
    // its 10th column (three label columns, then 自然人 … 总计): the dump's lines 179–188.
    expect(cellSourceAt(report, 'applications.results.denied.internalAffairs.total')).toEqual({
      line: 188,
      column: 2,
      table: 2,
      row: 12,
      tableColumn: 10,
      text: '0',
    });
    expect(report.findings).toEqual([]);
  });
});

describe('sample 002, 自强街道 2024 (stray lines in a merged cell, 3、 headings)', () => {
  it('reads the row whose merged label cell holds blank lines (lines 93-114)', async () => {
    const report = await sample('2021-template-stray-lines-in-merged-cell');
    expect(report.year).toBe(2024);
    expect(report.applications.results.granted).toEqual(zeros);
    expect(cellSourceAt(report, 'applications.results.granted.naturalPerson')?.line).toBe(108);
    for (const row of applicantRows(report)) expect(row).toEqual(zeros);
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '3、 收到和处理政府信息公开申请情况',
      '4、 政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('reads the fees of part 6 (line 405: all 0)', async () => {
    const report = await sample('2021-template-stray-lines-in-merged-cell');
    expect(report.fees).toMatchObject({ noticesSent: 0, amountNotifiedYuan: 0, amountCollectedYuan: 0, line: 405 });
  });
});

describe('sample 003, 南关区民政局 2021 (part headings without numbers)', () => {
  it('reads 规章 1, 0, 1 (lines 20-23)', async () => {
    const report = await sample('2021-template-headings-without-numbers');
    expect(report.proactive).toMatchObject({
      regulations: { issued: 1, repealed: 0, inForce: 1 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    });
    expect(report.sections.map((s) => s.part)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const row of applicantRows(report)) expect(row).toEqual(zeros);
    expect(report.reviewLitigation).toEqual(zeroReview);
  });
});

describe('sample 004, 春晓街道 2020 (2019 template)', () => {
  it('detects the 2019 template and reads 政府集中采购 52 and 385万元 (lines 78-80)', async () => {
    const report = await sample('2019-template-procurement');
    expect(report.template).toBe('2019');
    expect(report.year).toBe(2020);
    expect(report.publishedOn).toBe('2021-01-13');
    if (report.template !== '2019') throw new Error('unreachable');
    expect(report.proactive.centralizedProcurement).toEqual({ projects: 52, amountYuan: 3_850_000, amountText: '385万元' });
    expect(report.proactive.administrativeFees).toEqual({ previousYear: 0, change: 0 });
    expect(report.proactive.otherServices).toEqual({ previousYear: 0, change: 0, decisions: 0 });
  });

  it('reads the sparse applications matrix: 1 natural person, partly granted (lines 107-348)', async () => {
    const report = await sample('2019-template-procurement');
    const one = { ...blankButTotal(1), naturalPerson: 1 };
    expect(report.applications.newReceived).toEqual(one);
    expect(report.applications.carriedOver).toEqual(blankButTotal(0));
    expect(report.applications.results.granted).toEqual(blankButTotal(0));
    expect(report.applications.results.partialGrant).toEqual(one);
    expect(report.applications.results.total).toEqual(one);
    expect(report.applications.results.other).toEqual({ total: blankButTotal(0) });
    expect(report.applications.carriedForward).toEqual(blankButTotal(0));
    const rows = applicantRows(report);
    expect(rows).toHaveLength(23);
    expect(rows.filter((row) => row.naturalPerson === 1)).toHaveLength(3);
    expect(report.reviewLitigation).toEqual(zeroReview);
  });
});
