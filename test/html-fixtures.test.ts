/**
 * The hand-made web pages, with what a person reads in them typed by hand: merged header blocks,
 * a layout table around the data tables, header cells split into one <p> per character, signed
 * changes, an amount with its unit, a footnote row, a placeholder, agency and date only in the
 * page's metadata block.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import type { ApplicantCounts, Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';

const parse = (name: string) => parseReportFile(relative(process.cwd(), `${FIXTURES}/${name}/input.html`));
const row = (...values: Array<number | null>): ApplicantCounts => {
  const [naturalPerson, commercialEnterprise, researchInstitution, socialWelfareOrganization, legalServiceInstitution, otherOrganization, total] = values;
  return { naturalPerson: naturalPerson!, commercialEnterprise: commercialEnterprise!, researchInstitution: researchInstitution!, socialWelfareOrganization: socialWelfareOrganization!, legalServiceInstitution: legalServiceInstitution!, otherOrganization: otherOrganization!, total: total! };
};
const zeros = row(0, 0, 0, 0, 0, 0, 0);

describe('a 2021-template page with merged headers inside a layout table', () => {
  let report: Report;
  it('takes agency and date from the page’s metadata block when the body lacks them', async () => {
    report = await parse('html-2021-template-merged-headers-in-layout-table');
    expect(report.agency).toMatchObject({ name: '长春市南关区统计局', nameFrom: 'pageMetadata', region: ['长春市', '南关区'] });
    expect(report).toMatchObject({ year: 2021, template: '2021', publishedOn: '2022-01-20', title: '2021年政府信息公开工作年度报告' });
    expect(report.source.metadata).toMatchObject({ origin: 'page', indexNumber: '11220102MB1234567X/2022-00012' });
  });

  it('reads the Article 20 table with its item rows spanning four columns', async () => {
    report = await parse('html-2021-template-merged-headers-in-layout-table');
    expect(report.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 1, inForce: 25 },
      licensing: { decisions: 1024 },
      penalty: { decisions: 56 },
      enforcement: { decisions: 7 },
      administrativeFees: { amountTenThousandYuan: 12.5 },
    });
  });

  it('reads the applications matrix under its rowspan and colspan headers', async () => {
    report = await parse('html-2021-template-merged-headers-in-layout-table');
    if (report.template !== '2021') throw new Error('expected the 2021 template');
    const a = report.applications;
    expect(a.newReceived).toEqual(row(14, 3, 0, 1, 0, 2, 20));
    expect(a.carriedOver).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(a.results.granted).toEqual(row(5, 1, 0, 0, 0, 1, 7));
    expect(a.results.partialGrant).toEqual(row(2, 0, 0, 0, 0, 0, 2));
    expect(a.results.denied.lawForbidden).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(a.results.denied.processInfo).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(a.results.denied.stateSecret).toEqual(zeros);
    expect(a.results.unableToProvide.noInfo).toEqual(row(2, 1, 0, 0, 0, 0, 3));
    expect(a.results.unableToProvide.unclear).toEqual(row(1, null, 0, 0, 0, 0, 1));
    expect(a.results.notProcessed.complaint).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(a.results.other.overdueCorrection).toEqual(row(1, 0, 0, 0, 0, 1, 2));
    expect(a.results.total).toEqual(row(14, 2, 0, 0, 0, 2, 18));
    expect(a.carriedForward).toEqual(row(1, 1, 0, 1, 0, 0, 3));
  });

  it('reads review and litigation, keeps the footnote row as a note, and reads the fee sentence', async () => {
    report = await parse('html-2021-template-merged-headers-in-layout-table');
    expect(report.reviewLitigation).toEqual({
      review: { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['table-note', 'info']]);
    expect(report.findings[0]!.message).toContain('注：本表数据统计时间为2021年1月1日至2021年12月31日。');
    expect(report.fees).toMatchObject({ noticesSent: 0, amountCollectedYuan: 0, amountNotifiedYuan: null });
  });
});

describe('a 2019-template page with signed changes and headers split per character', () => {
  it('reads signed changes, full-width and minus signs, and an amount in 万元', async () => {
    const report = await parse('html-2019-template-signed-changes');
    expect(report).toMatchObject({ template: '2019', year: 2019, publishedOn: '2020-01-15' });
    expect(report.agency).toMatchObject({ name: '某某乡人民政府', nameFrom: 'title' });
    expect(report.proactive).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 2, newlyPublished: 2, totalPublished: 14 },
      licensing: { previousYear: 30, change: 12, decisions: 480 },
      otherServices: { previousYear: 5, change: -3, decisions: 20 },
      penalty: { previousYear: 10, change: 0, decisions: 33 },
      enforcement: { previousYear: 2, change: 1, decisions: 4 },
      administrativeFees: { previousYear: 3, change: -1 },
      centralizedProcurement: { projects: 4, amountYuan: 12_345_000, amountText: '1,234.5万元' },
    });
  });

  it('reads the matrix and turns a dash into null with a warning', async () => {
    const report = await parse('html-2019-template-signed-changes');
    if (report.template !== '2019') throw new Error('expected the 2019 template');
    expect(report.applications.newReceived).toEqual(row(3, 0, 0, 0, 0, 1, 4));
    expect(report.applications.carriedOver).toEqual(row(null, null, null, null, null, null, 0));
    expect(report.applications.results.unableToProvide.noInfo).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(report.applications.results.other.total).toEqual(zeros);
    expect(report.applications.results.total).toEqual(row(3, 0, 0, 0, 0, 1, 4));
    expect(report.reviewLitigation.review.pending).toBeNull();
    expect(report.findings.map((f) => [f.rule, f.paths])).toEqual([['not-a-number', ['reviewLitigation.review.pending']]]);
  });
});
