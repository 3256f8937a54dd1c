/**
 * Indicators a journalist looks for, per report (an agency's year), each a share of two of the
 * report's own totals with its formula in words:
 * - 公开率: applications granted in full or in part, of all handled;
 * - 不予公开率: applications denied (不予公开), of all handled;
 * - 纠错率: reviews and lawsuits whose result corrected the agency (结果纠正), of all of them.
 * Never computed across a blank: where a figure it needs is blank, or the denominator is 0, the
 * indicator is null and the page says why.
 */
import type { Metrics } from './metrics.ts';

export interface Indicator {
  key: string;
  label: string;
  /** The formula, in the template's words. */
  formula: string;
  numerator: readonly string[];
  denominator: readonly string[];
}

export const INDICATORS: readonly Indicator[] = [
  {
    key: 'grantedShare',
    label: '公开率',
    formula: '（予以公开 + 部分公开）÷ 办理结果总计',
    numerator: ['granted', 'partialGrant'],
    denominator: ['handled'],
  },
  {
    key: 'deniedShare',
    label: '不予公开率',
    formula: '不予公开 ÷ 办理结果总计',
    numerator: ['denied'],
    denominator: ['handled'],
  },
  {
    key: 'correctedShare',
    label: '纠错率',
    formula: '行政复议和行政诉讼中结果纠正的件数 ÷ 行政复议和行政诉讼的总件数',
    numerator: ['corrected'],
    denominator: ['review', 'litigationDirect', 'litigationAfterReview'],
  },
];

export interface IndicatorValue {
  /** The share, 0 to 1, or null where it cannot be computed. */
  value: number | null;
  /** Why it is null: a figure is blank, or there is nothing to divide by. */
  reason: 'blank' | 'none' | null;
}

function total(metrics: Metrics, keys: readonly string[]): number | null {
  let sum = 0;
  for (const key of keys) {
    const value = metrics[key];
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}

/** Each indicator with the two figures it divides (null where a figure of them is blank). */
export function indicatorParts(metrics: Metrics): Record<string, IndicatorValue & { numerator: number | null; denominator: number | null }> {
  const values: Record<string, IndicatorValue & { numerator: number | null; denominator: number | null }> = {};
  for (const indicator of INDICATORS) {
    const numerator = total(metrics, indicator.numerator);
    const denominator = total(metrics, indicator.denominator);
    const share: IndicatorValue =
      numerator === null || denominator === null
        ? { value: null, reason: 'blank' }
        : denominator === 0
          ? { value: null, reason: 'none' }
          : { value: numerator / denominator, reason: null };
    values[indicator.key] = { ...share, numerator, denominator };
  }
  return values;
}

export function reportIndicators(metrics: Metrics): Record<string, IndicatorValue> {
  return Object.fromEntries(Object.entries(indicatorParts(metrics)).map(([key, { value, reason }]) => [key, { value, reason }]));
}

/** A share as the pages show it: 37.5%, or why there is none. */
export function formatShare(indicator: IndicatorValue): string {
  if (indicator.value !== null) return `${(Math.round(indicator.value * 1000) / 10).toFixed(1)}%`;
  return indicator.reason === 'none' ? '无（分母为 0）' : '无法计算（所需数字空白）';
}
