/** In part 4, each group's 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
import { REVIEW_GROUPS } from '../report-format/review-litigation.ts';
import { BLANKS_CANNOT_MEND, coverageOf, filledExceed, finding, sum, type ReportRule } from './check.ts';

export const reviewTotal: ReportRule = {
  id: 'review-total',
  coverage: (report) => coverageOf(REVIEW_GROUPS.map((group) => Object.values(report.reviewLitigation[group.key]))),
  check(report) {
    return REVIEW_GROUPS.flatMap((group) => {
      const outcomes = report.reviewLitigation[group.key];
      const values = [outcomes.upheld, outcomes.corrected, outcomes.other, outcomes.pending];
      const parts = sum(values);
      const base = `reviewLitigation.${group.key}`;
      const over = filledExceed(values, outcomes.total);
      if (over !== null) {
        return [
          finding(
            report,
            'review-total',
            `${group.label}已填的结果维持、结果纠正、其他结果、尚未审结之和 ${over} 已超过报告所列总计 ${outcomes.total}${BLANKS_CANNOT_MEND}`,
            [`${base}.total`, `${base}.upheld`, `${base}.corrected`, `${base}.other`, `${base}.pending`],
          ),
        ];
      }
      if (parts === null || outcomes.total === null || parts === outcomes.total) return [];
      return [
        finding(
          report,
          'review-total',
          `${group.label}的总计应等于结果维持、结果纠正、其他结果、尚未审结之和：${outcomes.upheld} + ${outcomes.corrected} + ${outcomes.other} + ${outcomes.pending} = ${parts}，报告所列总计为 ${outcomes.total}`,
          [`${base}.total`, `${base}.upheld`, `${base}.corrected`, `${base}.other`, `${base}.pending`],
        ),
      ];
    });
  },
};
