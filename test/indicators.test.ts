/**
 * The indicators (src/figures/indicators.ts): shares of a report's own totals, never computed across
 * a blank, none where there is nothing to divide by; and what the agency and year pages show.
 */
import { describe, expect, it } from 'vitest';
import { formatShare, reportIndicators } from '../src/figures/indicators.ts';
import type { Metrics } from '../src/figures/metrics.ts';

const base: Metrics = {
  granted: 3, partialGrant: 1, denied: 2, handled: 8,
  corrected: 1, review: 2, litigationDirect: 1, litigationAfterReview: 1,
};

describe('the indicators', () => {
  it('are shares of the report’s own totals', () => {
    const values = reportIndicators(base);
    expect(values['grantedShare']).toEqual({ value: 0.5, reason: null });
    expect(values['deniedShare']).toEqual({ value: 0.25, reason: null });
    expect(values['correctedShare']).toEqual({ value: 0.25, reason: null });
    expect(formatShare(values['grantedShare']!)).toBe('50.0%');
    expect(formatShare({ value: 1 / 3, reason: null })).toBe('33.3%');
  });

  it('are never computed across a blank, and are none where the denominator is 0', () => {
    const blank = reportIndicators({ ...base, partialGrant: null, litigationDirect: null });
    expect(blank['grantedShare']).toEqual({ value: null, reason: 'blank' });
    expect(blank['deniedShare']!.value).toBe(0.25);
    expect(blank['correctedShare']).toEqual({ value: null, reason: 'blank' });
    expect(formatShare(blank['grantedShare']!)).toBe('无法计算（所需数字空白）');
    const none = reportIndicators({ ...base, granted: 0, partialGrant: 0, denied: 0, handled: 0, corrected: 0, review: 0, litigationDirect: 0, litigationAfterReview: 0 });
    expect(none['grantedShare']).toEqual({ value: null, reason: 'none' });
    expect(formatShare(none['correctedShare']!)).toBe('无（分母为 0）');
  });
});
