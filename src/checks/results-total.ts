/** （七）总计 equals the sum of every result row （一）…（六）, column by column. */
import type { Report } from '../schema/report.ts';
import { applicantRows, BLANKS_CANNOT_MEND, COLUMNS, coverageOf, filledExceed, finding, sum, type ReportRule } from './check.ts';

/** The result rows （一）…（六）, each with its path. */
const resultRows = (report: Report) =>
  applicantRows(report).filter(({ path }) => path.startsWith('applications.results.') && path !== 'applications.results.total');

export const resultsTotal: ReportRule = {
  id: 'results-total',
  coverage: (report) =>
    coverageOf(COLUMNS.map((column) => [...resultRows(report).map(({ row }) => row[column.key]), report.applications.results.total[column.key]])),
  check(report) {
    const results = resultRows(report);
    const total = report.applications.results.total;
    return COLUMNS.flatMap((column) => {
      const values = results.map(({ row }) => row[column.key]);
      const parts = sum(values);
      const printed = total[column.key];
      const over = filledExceed(values, printed);
      if (over !== null) {
        return [
          finding(
            report,
            'results-total',
            `${column.label}一栏已填的（一）至（六）各项之和 ${over} 已超过报告所列（七）总计 ${printed}${BLANKS_CANNOT_MEND}`,
            [`applications.results.total.${column.key}`, ...results.map(({ path }) => `${path}.${column.key}`)],
          ),
        ];
      }
      if (parts === null || printed === null || parts === printed) return [];
      return [
        finding(
          report,
          'results-total',
          `${column.label}一栏的（七）总计应等于（一）至（六）各项之和 ${parts}，报告所列为 ${printed}`,
          [`applications.results.total.${column.key}`, ...results.map(({ path }) => `${path}.${column.key}`)],
        ),
      ];
    });
  },
};
