/** In every row of the applications matrix, the six applicant columns add up to 总计. */
import { APPLICATION_ROWS } from '../report-format/applications.ts';
import { applicantRows, BLANKS_CANNOT_MEND, COLUMNS, coverageOf, filledExceed, finding, sum, type ReportRule } from './check.ts';

const PARTS = COLUMNS.filter((column) => column.key !== 'total');

export const rowTotal: ReportRule = {
  id: 'row-total',
  coverage: (report) => coverageOf(applicantRows(report).map(({ row }) => [...PARTS.map((column) => row[column.key]), row.total])),
  check(report) {
    return applicantRows(report).flatMap(({ path, row }) => {
      const values = PARTS.map((column) => row[column.key]);
      const parts = sum(values);
      const label = APPLICATION_ROWS.find((spec) => `applications.${spec.path}` === path)?.label ?? path;
      const over = filledExceed(values, row.total);
      if (over !== null) {
        return [
          finding(
            report,
            'row-total',
            `“${label}”一行已填的申请人各栏之和 ${over} 已超过报告所列总计 ${row.total}${BLANKS_CANNOT_MEND}`,
            [...PARTS.map((column) => `${path}.${column.key}`), `${path}.total`],
          ),
        ];
      }
      if (parts === null || row.total === null || parts === row.total) return [];
      return [
        finding(
          report,
          'row-total',
          `“${label}”一行的六类申请人之和应等于总计：${PARTS.map((column) => row[column.key]).join(' + ')} = ${parts}，报告所列总计为 ${row.total}`,
          [...PARTS.map((column) => `${path}.${column.key}`), `${path}.total`],
        ),
      ];
    });
  },
};
