/**
 * The template's own rule, for every applicant column: 第一项 + 第二项 = 第三项（七）总计 + 第四项
 * (new + carried over = handled + carried forward).
 */
import { COLUMNS, coverageOf, filledExceed, finding, sum, type ReportRule } from './check.ts';

export const applicationsBalance: ReportRule = {
  id: 'applications-balance',
  coverage: (report) => {
    const a = report.applications;
    return coverageOf(COLUMNS.map((column) => [a.newReceived, a.carriedOver, a.results.total, a.carriedForward].map((row) => row[column.key])));
  },
  check(report) {
    const a = report.applications;
    return COLUMNS.flatMap((column) => {
      const values = [a.newReceived, a.carriedOver, a.results.total, a.carriedForward].map((row) => row[column.key]);
      const [received, carried, handled, forward] = values;
      const paths = ['newReceived', 'carriedOver', 'results.total', 'carriedForward'].map((row) => `applications.${row}.${column.key}`);
      // With blanks on one side, the other side's filled cells may already exceed it.
      const inFlow = [a.newReceived, a.carriedOver].map((row) => row[column.key]);
      const outFlow = [a.results.total, a.carriedForward].map((row) => row[column.key]);
      for (const [known, partial, words] of [
        [inFlow, outFlow, '办理结果总计与结转下年度已填的'],
        [outFlow, inFlow, '本年新收与上年结转已填的'],
      ] as const) {
        const total = sum(known);
        const over = total === null ? null : filledExceed(partial, total);
        if (over !== null) {
          return [finding(report, 'applications-balance', `${column.label}一栏${words}数之和 ${over} 已超过另一边之和 ${total}（其余为空白格，无论是多少都不能使两边相等）`, paths)];
        }
      }
      if (values.some((value) => value === null)) return [];
      if (received! + carried! === handled! + forward!) return [];
      return [
        finding(
          report,
          'applications-balance',
          `${column.label}一栏应有：本年新收 + 上年结转 = 办理结果总计 + 结转下年度。报告所列为 ${received} + ${carried} = ${received! + carried!}，而 ${handled} + ${forward} = ${handled! + forward!}`,
          paths,
        ),
      ];
    });
  },
};
