/**
 * The number filter writes every value as the zh-CN number format does, including through its
 * shortcut for small whole numbers.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/site/filters.ts';

const zhCN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

describe('formatNumber', () => {
  it('writes a number as the zh-CN format does', () => {
    const values = [-0, 0, 1, -1, 7, 42, 999, -999, 1000, -1000, 1234, 3_850_000, 0.5, 12.25, 999.5, 1e21, 123.4567891];
    for (let value = -1200; value <= 1200; value++) values.push(value);
    for (const value of values) expect(formatNumber(value), String(value)).toBe(zhCN.format(value));
  });

  it('leaves a blank cell blank', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
  });
});
