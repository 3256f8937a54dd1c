/** Across years: this year's 上年结转 equals last year's 结转下年度继续办理, column by column. */
import { COLUMNS, finding, type SeriesRule } from './check.ts';

export const carriedOver: SeriesRule = {
  id: 'carried-over',
  check(previous, current) {
    if (current.year !== previous.year + 1) return [];
    return COLUMNS.flatMap((column) => {
      const before = previous.applications.carriedForward[column.key];
      const now = current.applications.carriedOver[column.key];
      if (before === null || now === null || before === now) return [];
      return [
        finding(
          current,
          'carried-over',
          `${column.label}一栏：${current.year}年的“上年结转”应等于${previous.year}年报告的“结转下年度继续办理” ${before}，本报告所列为 ${now}`,
          [`applications.carriedOver.${column.key}`],
        ),
      ];
    });
  },
};
