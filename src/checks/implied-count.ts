/**
 * Within one report, the part-2 counts a row implies are never negative:
 * - where the template has the documents in force and those issued and repealed (2021: 现行有效件数,
 *   本年制发件数, 本年废止件数), last year's documents in force are 现行有效 − 本年制发 + 本年废止,
 *   so 现行有效件数 ≥ 本年制发 − 本年废止;
 * - where it counts last year's items and this year's change (2019: 上一年项目数量, 本年增/减),
 *   this year's items are 上一年项目数量 + 本年增/减 ≥ 0.
 * The part-2 table has no other arithmetic within one report (its columns relate across years:
 * in-force.ts, items-carried.ts); a digit mistyped in these columns is found here where it makes
 * an impossible count, whether or not last year's report is in the folder.
 */
import type { ProactiveRow } from '../report-format/describe.ts';
import { proactiveRowsFor } from '../report-format/proactive.ts';
import type { Finding, Report } from '../schema/report.ts';
import { coverageOf, finding, proactiveValue as valueAt, type ReportRule } from './check.ts';

type Role = NonNullable<ProactiveRow['columns'][number]['role']>;

/** One relation of a report: the values it involves, and the finding where they break it. */
interface Relation {
  values: Array<number | null>;
  broken: Finding | null;
}

function relations(report: Report): Relation[] {
  return proactiveRowsFor(report.template).flatMap((row): Relation[] => {
    const keyOf = (role: Role) => row.columns.find((column) => column.role === role)?.key;
    const at = (key: string) => valueAt(report, row.key, key);
    const path = (key: string) => `proactive.${row.key}.${key}`;
    const [stock, issued, repealed, lastYear, change] = (['stock', 'issued', 'repealed', 'lastYear', 'change'] as const).map(keyOf);
    if (stock && issued && repealed) {
      const [now, made, dropped] = [at(stock), at(issued), at(repealed)];
      const broken =
        now !== null && made !== null && dropped !== null && now < made - dropped
          ? finding(
              report,
              'implied-count',
              `${row.label}：现行有效件数 ${now} 少于本年制发 ${made} − 本年废止 ${dropped} = ${made - dropped}，则上年末的现行有效件数为 ${now - made + dropped}，不可能为负数；请核对这三个数`,
              [path(stock), path(issued), path(repealed)],
            )
          : null;
      return [{ values: [now, made, dropped], broken }];
    }
    if (lastYear && change) {
      const [last, delta] = [at(lastYear), at(change)];
      const broken =
        last !== null && delta !== null && last + delta < 0
          ? finding(
              report,
              'implied-count',
              `${row.label}：上一年项目数量 ${last} 加本年增/减 ${delta} 为 ${last + delta}，本年的项目数量不可能为负数；请核对这两个数`,
              [path(lastYear), path(change)],
            )
          : null;
      return [{ values: [last, delta], broken }];
    }
    return [];
  });
}

export const impliedCount: ReportRule = {
  id: 'implied-count',
  check: (report) => relations(report).flatMap((relation) => relation.broken ?? []),
  coverage: (report) => coverageOf(relations(report).map((relation) => relation.values)),
};
