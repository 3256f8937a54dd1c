/**
 * The prose contradicts the tables: the text says no application was received, or gives a
 * number of applications, that the applications table does not show; or part 6 says no fee
 * notice was sent while the table counts applications dropped for unpaid fees.
 */
import type { Report } from '../schema/report.ts';
import { finding, type ReportRule } from './check.ts';

const NONE_RECEIVED = /(?:未|没有)(?:收到|接到|受理)(?:任何)?(?:形式的)?(?:政府)?信息公开(?:的)?申请/;
const RECEIVED = /(?:共|全年|本年度?|累计)(?:收到|受理|接收|接到)(?:政府信息公开|依申请公开(?:政府信息)?)?申请(?:共)?(\d+)\s*(?:件|份|个|条)/;

function proseOf(report: Report): Array<{ text: string; line: number | null }> {
  return [...report.preamble, ...report.sections.flatMap((section) => section.blocks)].filter((block) => block.type !== 'table');
}

export const proseTables: ReportRule = {
  id: 'prose-tables',
  // The text against the tables: no arithmetic relation of the tables' own.
  coverage: () => ({ relations: 0, checkable: 0 }),
  check(report) {
    const findings = [];
    const received = report.applications.newReceived.total;
    const path = 'applications.newReceived.total';
    for (const block of proseOf(report)) {
      const none = NONE_RECEIVED.exec(block.text);
      if (none && received !== null && received > 0) {
        findings.push({
          ...finding(report, 'prose-tables', `正文称“${none[0]}”，申请情况表却列本年新收申请 ${received} 件`, [path]),
          line: block.line,
          column: null,
        });
      }
      const stated = RECEIVED.exec(block.text);
      if (stated && received !== null && Number(stated[1]) !== received) {
        findings.push({
          ...finding(report, 'prose-tables', `正文称“${stated[0]}”，申请情况表所列本年新收申请总计为 ${received} 件`, [path]),
          line: block.line,
          column: null,
        });
      }
    }
    const other = report.applications.results.other;
    const unpaid = 'overdueFee' in other ? other.overdueFee.total : null;
    if (report.fees.noticesSent === 0 && unpaid !== null && unpaid > 0) {
      findings.push({
        ...finding(
          report,
          'prose-tables',
          `第六部分称发出收费通知 0 件，申请情况表却有 ${unpaid} 件申请因“逾期未按收费通知要求缴纳费用”不再处理`,
          ['fees.noticesSent', 'applications.results.other.overdueFee.total'],
        ),
        line: report.fees.line,
        column: null,
      });
    }
    return findings;
  },
};
