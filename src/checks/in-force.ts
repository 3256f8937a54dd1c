/**
 * Across years, 2021 template: this year's 现行有效件数 = last year's + 本年制发件数 − 本年废止件数,
 * for 规章 and for 行政规范性文件.
 */
import { finding, type SeriesRule } from './check.ts';

const ROWS = [
  { key: 'regulations', label: '规章' },
  { key: 'normativeDocuments', label: '行政规范性文件' },
] as const;

export const inForce: SeriesRule = {
  id: 'in-force',
  check(previous, current) {
    if (current.year !== previous.year + 1 || previous.template !== '2021' || current.template !== '2021') return [];
    return ROWS.flatMap((row) => {
      const before = previous.proactive[row.key].inForce;
      const { issued, repealed, inForce: now } = current.proactive[row.key];
      if (before === null || issued === null || repealed === null || now === null) return [];
      const expected = before + issued - repealed;
      if (expected === now) return [];
      return [
        finding(
          current,
          'in-force',
          `${row.label}：${current.year}年的现行有效件数应为上年的 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，本报告所列为 ${now}`,
          [`proactive.${row.key}.inForce`, `proactive.${row.key}.issued`, `proactive.${row.key}.repealed`],
        ),
      ];
    });
  },
};
