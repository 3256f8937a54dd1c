/**
 * What the charts draw (src/site/chart-data.ts): one colour per figure on every page, each with
 * 3:1 contrast against white; every year from an agency's first report to its last on the axis,
 * a year without a report marked as such and left out of the table; blanks kept blank.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_COLOURS } from '../src/site/chart-data.ts';
import { buildSiteData } from '../src/site/load-site-data.ts';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, FIXTURES } from './fixture-cases.ts';

/** WCAG 2.1's contrast ratio of a colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

const sample = expectedRecord<Report>(join(FIXTURES, 'pingtan-2023-jiaotong-jianshe'));

/** The sample as the same agency's report of another year. */
function inYear(year: number, change: (report: Report) => void = () => {}): Report {
  const report = structuredClone(sample);
  report.year = year;
  report.id = `${report.agency.slug}-${year}`;
  change(report);
  return report;
}

describe('the charts', () => {
  it('give each figure one colour, the same in every chart, with 3:1 contrast against white', () => {
    for (const [key, colour] of Object.entries(METRIC_COLOURS)) {
      expect(contrastWithWhite(colour), key).toBeGreaterThanOrEqual(3);
    }
    const site = buildSiteData([inYear(2021), inYear(2022)], []);
    const charts = [...site.agencies.flatMap((agency) => agency.charts), ...site.yearPages.flatMap((year) => year.charts)];
    for (const chart of charts) {
      for (const dataset of chart.datasets) expect(dataset.colour, `${chart.id} ${dataset.key}`).toBe(METRIC_COLOURS[dataset.key]);
    }
    // The compare page draws 本年新收 beside the outcomes: each a colour of its own.
    const compared = ['newReceived', 'granted', 'partialGrant', 'denied', 'unableToProvide', 'notProcessed', 'other'];
    expect(new Set(compared.map((key) => METRIC_COLOURS[key])).size).toBe(compared.length);
    // The outcomes stacked in one bar are each a colour of their own.
    const outcomes = charts.find((chart) => chart.id === 'outcomes')!;
    expect(new Set(outcomes.datasets.map((dataset) => dataset.colour)).size).toBe(outcomes.datasets.length);
  });

  it('put every year between an agency’s first and last report on the axis, marking those without one', () => {
    const site = buildSiteData([inYear(2021), inYear(2023)], []);
    const [agency] = site.agencies;
    const applications = agency!.charts.find((chart) => chart.id === 'applications')!;
    expect(applications.labels).toEqual(['2021年', '2022年', '2023年']);
    expect(applications.missing).toEqual([false, true, false]);
    for (const dataset of applications.datasets) expect(dataset.data[1]).toBeNull();
    expect(applications.description).toContain('“无报告”表示该年没有报告');
  });

  it('keep a blank cell blank, never 0', () => {
    const site = buildSiteData([inYear(2021, (report) => {
      (report.applications as { newReceived: { total: number | null } }).newReceived.total = null;
    })], []);
    const applications = site.agencies[0]!.charts.find((chart) => chart.id === 'applications')!;
    const newReceived = applications.datasets.find((dataset) => dataset.key === 'newReceived')!;
    expect(newReceived.data).toEqual([null]);
  });

  it('draw the year pages’ agencies as horizontal bars, their names along the axis', () => {
    const site = buildSiteData([inYear(2021)], []);
    for (const chart of site.yearPages[0]!.charts) expect(chart.horizontal).toBe(true);
    for (const chart of site.agencies[0]!.charts) expect(chart.horizontal).toBe(false);
  });
});
