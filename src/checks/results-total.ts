/** （七）总计 equals the sum of every result row （一）…（六）, column by column. */
import { applicantRows, COLUMNS, finding, sum, type ReportRule } from './check.ts';

export const resultsTotal: ReportRule = {
  id: 'results-total',
  check(report) {
    const results = applicantRows(report).filter(
      ({ path }) => path.startsWith('applications.results.') && path !== 'applications.results.total',
    );
    const total = report.applications.results.total;
    return COLUMNS.flatMap((column) => {
      const parts = sum(results.map(({ row }) => row[column.key]));
      const printed = total[column.key];
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
