/**
 * Across years: this year's documents in force = last year's + those issued − those repealed,
 * for every part-2 row whose template has the three columns (the 2021 template's 现行有效件数,
 * 本年制发件数 and 本年废止件数 of 规章 and 行政规范性文件).
 */
import type { ProactiveRow } from '../report-format/describe.ts';
import { finding, pairedRows, proactiveValue as valueAt, type SeriesRule } from './check.ts';

type Role = 'stock' | 'issued' | 'repealed';

/** The row's columns by their role across years; null unless it has all three. */
function roles(row: ProactiveRow): Record<Role, string> | null {
  const key = (role: Role) => row.columns.find((column) => column.role === role)?.key;
  const [stock, issued, repealed] = [key('stock'), key('issued'), key('repealed')];
  return stock && issued && repealed ? { stock, issued, repealed } : null;
}

export const inForce: SeriesRule = {
  id: 'in-force',
  check(previous, current) {
    return pairedRows(previous, current, roles).flatMap(({ row, then, now }) => {
      const last = valueAt(previous, row.key, then.stock);
      const issued = valueAt(current, row.key, now.issued);
      const repealed = valueAt(current, row.key, now.repealed);
      const stock = valueAt(current, row.key, now.stock);
      if (last === null || issued === null || repealed === null || stock === null) return [];
      const expected = last + issued - repealed;
      if (expected === stock) return [];
      return [
        finding(
          current,
          'in-force',
          `${row.label}：${current.year}年的现行有效件数应为上年的 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，本报告所列为 ${stock}`,
          [`proactive.${row.key}.${now.stock}`, `proactive.${row.key}.${now.issued}`, `proactive.${row.key}.${now.repealed}`],
        ),
      ];
    });
  },
};
