/**
 * Across years, where the template counts items by last year's number and this year's change
 * (the 2019 template's 上一年项目数量 and 本年增/减): this year's 上一年项目数量 = last year's
 * 上一年项目数量 + 本年增/减, for every part-2 row that has both in both reports.
 */
import type { ProactiveRow } from '../report-format/describe.ts';
import { finding, pairedRows, proactiveValue as valueAt, type SeriesRule } from './check.ts';

function roles(row: ProactiveRow): { lastYear: string; change: string } | null {
  const lastYear = row.columns.find((column) => column.role === 'lastYear')?.key;
  const change = row.columns.find((column) => column.role === 'change')?.key;
  return lastYear && change ? { lastYear, change } : null;
}

export const itemsCarried: SeriesRule = {
  id: 'items-carried',
  check(previous, current) {
    return pairedRows(previous, current, roles).flatMap(({ row, then, now }) => {
      const last = valueAt(previous, row.key, then.lastYear);
      const change = valueAt(previous, row.key, then.change);
      const stated = valueAt(current, row.key, now.lastYear);
      if (last === null || change === null || stated === null || last + change === stated) return [];
      return [
        finding(
          current,
          'items-carried',
          `${row.label}：${current.year}年报告的上一年项目数量应为${previous.year}年报告的上一年项目数量 ${last} 加本年增/减 ${change}，即 ${last + change}，本报告所列为 ${stated}`,
          [`proactive.${row.key}.${now.lastYear}`],
        ),
      ];
    });
  },
};
