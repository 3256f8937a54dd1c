/**
 * The template's own rule, for every applicant column: 第一项 + 第二项 = 第三项（七）总计 + 第四项
 * (new + carried over = handled + carried forward).
 */
import { COLUMNS, finding, type ReportRule } from './check.ts';

export const applicationsBalance: ReportRule = {
  id: 'applications-balance',
  check(report) {
    const a = report.applications;
    return COLUMNS.flatMap((column) => {
      const values = [a.newReceived, a.carriedOver, a.results.total, a.carriedForward].map((row) => row[column.key]);
      const [received, carried, handled, forward] = values;
      if (values.some((value) => value === null)) return [];
      if (received! + carried! === handled! + forward!) return [];
      return [
        finding(
          report,
          'applications-balance',
          `${column.label}一栏应有：本年新收 + 上年结转 = 办理结果总计 + 结转下年度。报告所列为 ${received} + ${carried} = ${received! + carried!}，而 ${handled} + ${forward} = ${handled! + forward!}`,
          ['newReceived', 'carriedOver', 'results.total', 'carriedForward'].map((row) => `applications.${row}.${column.key}`),
        ),
      ];
    });
  },
};
