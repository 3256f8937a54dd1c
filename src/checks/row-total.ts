/** In every row of the applications matrix, the six applicant columns add up to 总计. */
import { APPLICATION_ROWS } from '../report-format/applications.ts';
import { applicantRows, COLUMNS, finding, sum, type ReportRule } from './check.ts';

const PARTS = COLUMNS.filter((column) => column.key !== 'total');

export const rowTotal: ReportRule = {
  id: 'row-total',
  check(report) {
    return applicantRows(report).flatMap(({ path, row }) => {
      const parts = sum(PARTS.map((column) => row[column.key]));
      if (parts === null || row.total === null || parts === row.total) return [];
      const label = APPLICATION_ROWS.find((spec) => `applications.${spec.path}` === path)?.label ?? path;
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
