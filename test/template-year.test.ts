/**
 * A new template year is one description file. This test adds a 2026 template that exists only
 * here (test/template-year/2026.ts: 行政确认 added to part 2, a sixth 不予处理 row to part 3) to
 * the product's list of templates, and nothing else, then reads a report filled in on it
 * (test/template-year/2026-南关区自强街道.txt, the 2024 自强街道 report with those rows added)
 * through the whole pipeline: detection, extraction, the checks, the schema and its validation,
 * the JSON Schema, the page layouts, the CSV files, the data dictionary, the Markdown export and
 * the site data. A second test keeps template knowledge out of the rest of the code: no file
 * outside src/report-format/templates/ names a template year.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cellSourceAt } from '../src/schema/cell-places.ts';

vi.mock('../src/report-format/templates/list.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/report-format/templates/list.ts')>();
  const { TEMPLATE_2026 } = await import('./template-year/2026.ts');
  return { TEMPLATES: [...real.TEMPLATES, TEMPLATE_2026] };
});

const { analyseSource, parseReportBytes } = await import('../src/parse-report.ts');
const { sourceFromBytes } = await import('../src/read/read-report.ts');
const { Report, reportJsonSchema } = await import('../src/schema/report.ts');
const { proactiveLayouts, applicationsLayout } = await import('../src/site/table-layouts.ts');
const { wideTables } = await import('../src/publish/bulk-files.ts');
const { tableValues } = await import('../src/publish/table-values.ts');
const { reportCsv } = await import('../src/publish/report-csv.ts');
const { dataDictionary } = await import('../src/publish/data-dictionary.ts');
const { treeToMarkdown } = await import('../src/publish/report-markdown.ts');
const { buildSiteData } = await import('../src/site/load-site-data.ts');
const { reportMetrics } = await import('../src/figures/metrics.ts');

const FIXTURE = 'test/template-year/2026-南关区自强街道.txt';
const bytes = readFileSync(FIXTURE);
const { report, frontEnd } = await analyseSource(sourceFromBytes(FIXTURE, bytes));
const record = report as unknown as Record<string, any>;

describe('a template year added as one description file', () => {
  it('is detected from the tables and read, every new cell with its place', () => {
    expect(report.template).toBe('2026');
    expect(record.proactive.confirmation).toEqual({ decisions: 3 });
    expect(record.proactive.licensing).toEqual({ decisions: 0 });
    expect(record.applications.results.notProcessed.otherAgency).toMatchObject({ naturalPerson: 1, total: 1, commercialEnterprise: 0 });
    expect(record.applications.results.notProcessed.confirmInfo.total).toBe(0);
    expect(cellSourceAt(report, 'proactive.confirmation.decisions')).toMatchObject({ text: '3', table: expect.any(Number) });
    expect(cellSourceAt(report, 'applications.results.notProcessed.otherAgency.total')?.text).toBe('1');
    // The checks run over the new row as over the others: the totals add up, so nothing is found
    // but what the sample itself has (no rule fires on the new rows).
    const concerned = report.findings.filter((finding) => finding.paths.some((path) => /confirmation|otherAgency|results\.total|newReceived/.test(path)));
    expect(concerned).toEqual([]);
    expect(report.findings.filter((finding) => /missing|template/.test(finding.rule))).toEqual([]);
  });

  it('validates against the schema made from the descriptions, which refuses the row in another template', () => {
    expect(Report.safeParse(report).success).toBe(true);
    const as2021 = { ...report, template: '2021' };
    expect(Report.safeParse(as2021).success).toBe(false);
    const schema = reportJsonSchema() as { $defs: Record<string, any> };
    expect(schema.$defs.Proactive2026.properties.confirmation).toMatchObject({ title: '第二十条第（五）项·行政确认' });
    expect(schema.$defs.Applications2026.properties.results.properties.notProcessed.properties.otherAgency.title).toBe('6.申请获取非本机关的信息');
    expect(schema.$defs.Proactive2021.properties.confirmation).toBeUndefined();
  });

  it('lays out the tables with the new rows where the template puts them', () => {
    const item5 = proactiveLayouts(report).find((layout) => layout.caption === '第二十条第（五）项')!;
    expect(item5.body.map((row) => [row[0]!.text, row[1]!.value])).toEqual([['行政许可', 0], ['行政确认', 3]]);
    const matrix = applicationsLayout(report);
    const labels = matrix.body.map((row) => row.filter((cell) => cell.header).map((cell) => cell.text).join('|'));
    const at = labels.indexOf('6.申请获取非本机关的信息');
    expect(labels[at - 1]).toBe('5.要求行政机关确认或重新出具已获取信息');
    // （五）不予处理's heading spans its six rows now.
    const group = matrix.body.flat().find((cell) => cell.text === '（五）不予处理')!;
    expect(group.rowspan).toBe(6);
    expect(matrix.body[at]!.filter((cell) => !cell.header).map((cell) => cell.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('gives the new values their CSV columns and rows and their dictionary entries', () => {
    const wide = wideTables();
    const proactive2026 = wide.find((table) => table.name === 'proactive-2026')!;
    expect(proactive2026.columns.map((column) => column.path)).toContain('confirmation.decisions');
    const applications = wide.find((table) => table.name === 'applications')!;
    const column = applications.columns.find((c) => c.path === 'results.notProcessed.otherAgency.total')!;
    expect(column.title).toBe('6.申请获取非本机关的信息·总计（仅2026年版模板）');
    const csv = reportCsv(tableValues(report));
    const line = csv.split(/\r?\n/).find((row) => row.includes(',results.notProcessed.otherAgency,6.申请获取非本机关的信息,total,'));
    expect(line?.startsWith('applications,results.notProcessed.otherAgency,')).toBe(true);
    expect(line).toMatch(/,total,总计,1,\d+,\d+,\d+,\d+,1$/);
    const entry = dataDictionary().find((e) => e.path === 'proactive.confirmation.decisions')!;
    expect(entry).toMatchObject({ templates: '2026', unit: '件' });
    expect(dataDictionary().find((e) => e.path === 'applications.newReceived.total')!.templates).toBe('2019、2021、2026');
  });

  it('round-trips through the Markdown export and shows on the site with its template’s name', async () => {
    const markdown = treeToMarkdown(frontEnd.tree, report);
    const again = await parseReportBytes(FIXTURE.replace(/\.txt$/, '.md'), Buffer.from(markdown));
    expect(again.template).toBe('2026');
    expect((again as unknown as Record<string, any>).proactive.confirmation).toEqual({ decisions: 3 });
    const site = buildSiteData([report], []);
    const page = site.reports.find((p) => p.report.id === report.id)!;
    expect(page.templateName).toBe('2026年版（测试用模板）');
    expect(page.parts.find((part) => part.part === 2)!.tables.map((table) => table.caption)).toContain('第二十条第（五）项');
    expect(reportMetrics(report)).toMatchObject({ licensing: 0, notProcessed: 1, newReceived: 1 });
  });
});

describe('template knowledge lives in the descriptions', () => {
  const TEMPLATE_YEAR = /(['"`])(?:2019|2021)\1|templates\/20\d\d\.ts/;
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? files(path) : /\.(ts|mjs|njk|js)$/.test(entry.name) ? [path] : [];
    });

  it('no code or page template outside src/report-format/templates/ names a template year', () => {
    const offenders = [...files('src'), ...files('templates'), '.eleventy.ts']
      .filter((path) => !relative('src/report-format/templates', path).match(/^[^.]/))
      .filter((path) => TEMPLATE_YEAR.test(readFileSync(path, 'utf8')))
      .map((path) => `${path}: ${readFileSync(path, 'utf8').match(TEMPLATE_YEAR)![0]}`);
    expect(offenders).toEqual([]);
  });

  it('the check above finds a template year where one is written', () => {
    expect(TEMPLATE_YEAR.test("if (report.template === '2021') return;")).toBe(true);
    expect(TEMPLATE_YEAR.test("import { TEMPLATE_2019 } from './templates/2019.ts';")).toBe(true);
    expect(TEMPLATE_YEAR.test('const year = 2021;')).toBe(false);
  });
});
