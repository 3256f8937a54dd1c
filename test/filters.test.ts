/**
 * The number filter writes every value as the zh-CN number format does, including through its
 * shortcut for small whole numbers; a chart's script holds what charts.js draws, safe in a
 * <script> element.
 */
import { describe, expect, it } from 'vitest';
import { chartScript, formatNumber } from '../src/site/filters.ts';

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

describe('chartScript', () => {
  it('keeps what the chart is drawn from, leaves out the heading and the label the page has, and cannot close its script', () => {
    const spec = {
      id: 'applications',
      title: '收到的申请',
      description: '柱状图：</script><script>alert(1)</script>',
      type: 'bar',
      stacked: false,
      horizontal: false,
      labels: ['2024年', '</script>'],
      missing: [false, true],
      datasets: [{ key: 'newReceived', label: '本年新收申请', colour: '#3b3b98', data: [2, null] }],
    };
    const script = chartScript(spec);
    expect(script).not.toContain('<');
    const { title: _title, description: _description, ...drawn } = spec;
    expect(JSON.parse(script)).toEqual(drawn);
  });
});
