/**
 * A report page in the forms it reaches an editor who could not save the page: selected and
 * copied in Chromium, its innerText, a crawler's capture (one cell per line, CR line ends). Each
 * form was made from a web-page fixture by scripts/make-page-forms.ts and gives the values of the
 * page itself, which were checked by hand (test/fixtures/<case>/expected.json).
 *
 * Forms that lose what tells the cells apart — spaces for tabs, blank cells left out, digits run
 * together — may not be read, but they never give a wrong number: a value is the page's, or
 * null with an error that names the line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/parse-report.ts';
import { ReportError } from '../src/diagnostics/report-error.ts';
import type { Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';

const FORMS = join(import.meta.dirname, 'page-forms');
const cases = readdirSync(FORMS).filter((name) => existsSync(join(FIXTURES, name, 'expected.json'))).sort();

function expected(name: string): Report {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Report;
}

/** Every table value of a record by its path (proactive.regulations.issued …). */
function tableValues(report: Report): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    } else values.set(path, value);
  };
  walk(report.proactive, 'proactive');
  walk(report.applications, 'applications');
  walk(report.reviewLitigation, 'reviewLitigation');
  return values;
}

function errorRules(report: Report): string[] {
  return report.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort();
}

async function read(name: string, form: string, bytes: Buffer): Promise<Report> {
  return parseReportBytes(`reports/${name}-${form}`, bytes);
}

describe('text of a report page gives the values of the page', () => {
  for (const name of cases) {
    for (const form of ['copied.txt', 'inner-text.txt', 'capture.txt']) {
      it(`${name}: ${form}`, async () => {
        const page = expected(name);
        const report = await read(name, form, readFileSync(join(FORMS, name, form)));
        expect(report.template).toBe(page.template);
        expect(Object.fromEntries(tableValues(report))).toEqual(Object.fromEntries(tableValues(page)));
        expect({ ...report.fees, line: null }).toEqual({ ...page.fees, line: null });
        expect(report.agency.name).toBe(page.agency.name);
        expect(report.year).toBe(page.year);
        expect(report.sections.map((section) => section.key)).toEqual(page.sections.map((section) => section.key));
        // No error the page itself does not have.
        expect(errorRules(report)).toEqual(errorRules(page));
        // Every cell traces to a line of the text that holds its text.
        const lines = readFileSync(join(FORMS, name, form), 'utf8').split(/\r\n?|\n/);
        for (const [path, cell] of Object.entries(report.source.cells)) {
          if (cell.text === '' || cell.line === null) continue;
          expect(lines[cell.line - 1], path).toContain(cell.text);
        }
      });
    }
  }
});

/** Where a form lost the cells' edges: each value is the page's, or null under an error naming its line. */
function expectNoWrongNumber(report: Report, page: Report): number {
  const got = tableValues(report);
  let nulls = 0;
  for (const [path, value] of tableValues(page)) {
    if (got.get(path) === value) continue;
    expect(got.get(path), path).toBeNull();
    nulls++;
  }
  if (nulls > 0) {
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.line === null || f.line > 0)).toBe(true);
  }
  return nulls;
}

describe('text that lost the edges of its cells is refused where it cannot be read, never misread', () => {
  it('spaces instead of tabs: blank cells leave no trace, so those rows are refused', async () => {
    let refusedRows = 0;
    for (const name of cases) {
      const text = readFileSync(join(FORMS, name, 'inner-text.txt'), 'utf8').replace(/\t/g, '    ');
      const report = await read(name, 'spaced.txt', Buffer.from(text));
      refusedRows += report.findings.filter((f) => f.rule === 'cells-ambiguous').length;
      expectNoWrongNumber(report, expected(name));
    }
    expect(refusedRows).toBeGreaterThan(0);
  });

  it('a capture whose blank cells were left out refuses those rows and names their lines', async () => {
    const name = 'html-2019-template-signed-changes';
    const lines = readFileSync(join(FORMS, name, 'capture.txt'), 'utf8').split('\r');
    const text = lines.filter((line) => line !== '').join('\r');
    const report = await read(name, 'no-blanks.txt', Buffer.from(text));
    const refused = report.findings.filter((f) => f.rule === 'cells-ambiguous');
    expect(refused.length).toBeGreaterThan(0);
    for (const finding of refused) {
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.message).toMatch(/应为\d+个/);
    }
    expect(expectNoWrongNumber(report, expected(name))).toBeGreaterThan(0);
  });

  it('cells run together without a separator (4000004) are refused, not split', async () => {
    const name = 'pingtan-2023-jiaotong-jianshe';
    const lines = readFileSync(join(FORMS, name, 'capture.txt'), 'utf8').split('\r');
    // Each run of single-digit lines joined into one line, as a capture that dropped the separators.
    const joined: string[] = [];
    for (const line of lines) {
      if (/^\d$/.test(line) && /^\d+$/.test(joined.at(-1) ?? '')) joined[joined.length - 1] += line;
      else joined.push(line);
    }
    const report = await read(name, 'run-together.txt', Buffer.from(joined.join('\r')));
    const refused = report.findings.filter((f) => f.rule === 'cells-ambiguous');
    expect(refused.some((f) => /连在一起/.test(f.message))).toBe(true);
    expect(expectNoWrongNumber(report, expected(name))).toBeGreaterThan(0);
  });

  it('a capture whose part 4 is worded otherwise still has its part 4 and its table', async () => {
    const name = 'pingtan-2023-jiaotong-jianshe';
    const text = readFileSync(join(FORMS, name, 'capture.txt'), 'utf8').replace(
      /四、政府信息公开行政复议、行政诉讼情况/,
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    );
    const report = await read(name, 'capture.txt', Buffer.from(text));
    expect(report.sections.find((section) => section.part === 4)?.heading).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(report.reviewLitigation).toEqual(expected(name).reviewLitigation);
  });

  it('a page’s text with no report in it is refused as one', async () => {
    const text = readFileSync(join(FORMS, 'pingtan-2023-jiaotong-jianshe', 'copied.txt'), 'utf8');
    const navigation = text.slice(0, text.indexOf('一、总体情况'));
    await expect(read('navigation', 'copied.txt', Buffer.from(navigation))).rejects.toBeInstanceOf(ReportError);
  });
});
