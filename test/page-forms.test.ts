/**
 * A report page in the forms it reaches an editor who could not save the page: selected and
 * copied in Chromium, its innerText, a crawler's capture (one cell per line, CR line ends). Each
 * form was made from a web-page fixture by scripts/make-page-forms.ts and gives the values of the
 * page itself, which were checked by hand (test/fixtures/<case>/expected/).
 *
 * Forms that lose what tells the cells apart — spaces for tabs, blank cells left out, digits run
 * together — may not be read, but they never give a wrong number: a value is the page's, or
 * null with an error that names the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/parse-report.ts';
import { ReportError } from '../src/diagnostics/report-error.ts';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, expectsRecord, FIXTURES } from './fixture-cases.ts';
import { cellSources } from '../src/schema/cell-places.ts';

const FORMS = join(import.meta.dirname, 'page-forms');
const cases = readdirSync(FORMS).filter((name) => expectsRecord(join(FIXTURES, name))).sort();

/** The record checked by hand for a case: a page's (test/fixtures/<case>) or, for word-<case>, the sample's. */
function expected(name: string): Report {
  return expectedRecord<Report>(join(FIXTURES, name.replace(/^word-/, '')));
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

function warningRules(report: Report): string[] {
  return [...new Set(report.findings.filter((f) => f.severity === 'warning').map((f) => f.rule))].sort();
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
        expect(report.contact).toEqual(page.contact);
        expect(report.sections.map((section) => section.key)).toEqual(page.sections.map((section) => section.key));
        // No error or warning the page itself does not have.
        expect(errorRules(report)).toEqual(errorRules(page));
        expect(warningRules(report)).toEqual(warningRules(page));
        // Every cell traces to a line of the text that holds its text.
        const lines = readFileSync(join(FORMS, name, form), 'utf8').split(/\r\n?|\n/);
        for (const [path, cell] of cellSources(report)) {
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

  it('a capture whose rows are run together, label and cells, is refused row by row for that reason', async () => {
    const name = 'pingtan-2023-jiaotong-jianshe';
    const lines = readFileSync(join(FORMS, name, 'capture.txt'), 'utf8').split('\r');
    const joined: string[] = [];
    for (const line of lines) {
      const last = joined.at(-1) ?? '';
      if (/^\d+$/.test(line) && /[\u4e00-\u9fff）\d]$/.test(last) && !last.includes('。')) joined[joined.length - 1] = last + line;
      else joined.push(line);
    }
    const report = await read(name, 'run-on.txt', Buffer.from(joined.join('\r')));
    const refused = report.findings.filter((f) => f.rule === 'cells-ambiguous');
    expect(refused.find((f) => f.message.includes('“140000014”可能是几个数字连在一起'))?.line).toBeGreaterThan(0);
    // A row of one cell is still read: 行政许可0 is 行政许可 and 0.
    expect(report.proactive.licensing).toEqual({ decisions: 0 });
    expectNoWrongNumber(report, expected(name));
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

/** The PDFs: web pages printed by Chromium (A4 and 110 mm wide) and sample reports made PDFs by LibreOffice from Word files. */
const pdfs = readdirSync(FORMS)
  .filter((name) => !name.endsWith('.md'))
  .flatMap((name) => readdirSync(join(FORMS, name)).filter((file) => file.endsWith('.pdf')).map((file) => ({ name, file })));
/**
 * Every PDF is read whole (every value the page's or the sample's) but one: the narrow print of
 * the page whose agency is only in its metadata block, a layout table without rules whose cells
 * wrap into each other on a narrow page. It has no agency then, and is refused saying so.
 */
const REFUSED = new Set(['html-2021-template-merged-headers-in-layout-table/narrow.pdf']);
/**
 * A page printed with its tables' borders taken away: without rules the cells are told apart by
 * baselines and gaps alone, and a label wrapped beside its numbers cannot be tied to them for
 * sure, so those rows are refused; no value may be wrong.
 */
const UNRULED = new Set(['pingtan-2023-jiaotong-jianshe/borderless.pdf']);

describe('a report as a PDF', () => {
  for (const { name, file } of pdfs) {
    const whole = !REFUSED.has(`${name}/${file}`);
    if (UNRULED.has(`${name}/${file}`)) {
      it(`${name}/${file}: no wrong number, the rows it cannot tie refused`, async () => {
        const page = expected(name);
        const report = await parseReportBytes(`reports/${name}-${file}`, readFileSync(join(FORMS, name, file)));
        expect(expectNoWrongNumber(report, page)).toBeGreaterThan(0);
        const refused = report.findings.filter((f) => f.rule === 'cells-ambiguous');
        expect(refused.length).toBeGreaterThan(0);
        // A PDF has no lines to count: these findings name the page.
        for (const finding of refused) expect(finding.message).toMatch(/^（PDF 第\d+页）/);
      }, 60_000);
      continue;
    }
    it(`${name}/${file}: ${whole ? 'every value of the page' : 'refused with a reason'}`, async () => {
      const page = expected(name);
      const outcome = await parseReportBytes(`reports/${name}-${file}`, readFileSync(join(FORMS, name, file))).then(
        (report) => report,
        (error: unknown) => error,
      );
      if (!whole) {
        expect(outcome).toBeInstanceOf(ReportError);
        expect((outcome as ReportError).rule).toBe('missing-agency');
        return;
      }
      const report = outcome as Report;
      expect(report.source.format).toBe('pdf');
      expect(report.year).toBe(page.year);
      expect(report.template).toBe(page.template);
      expect(Object.fromEntries(tableValues(report))).toEqual(Object.fromEntries(tableValues(page)));
      expect(report.agency.name).toBe(page.agency.name);
      // Prose wrapped across lines and pages is joined again: the contact details read whole.
      expect(report.contact).toEqual(page.contact);
      expect(report.sections.map((section) => section.key)).toEqual(page.sections.map((section) => section.key));
      expect(errorRules(report)).toEqual(errorRules(page));
      // A PDF has no lines a reader can count: no value claims one.
      expect(cellSources(report).every(([, cell]) => cell.line === null)).toBe(true);
    }, 60_000);
  }

  it('without a text layer (a scan) is refused with a message saying so', async () => {
    await expect(parseReportBytes('reports/scan.pdf', minimalPdf('0 0 0 rg 72 72 300 400 re f'))).rejects.toMatchObject({ rule: 'pdf-without-text' });
  });

  it('cut short or not a PDF at all is refused, not a crash', async () => {
    const bytes = readFileSync(join(FORMS, 'pingtan-2023-jiaotong-jianshe', 'a4.pdf'));
    for (const broken of [bytes.subarray(0, 2000), Buffer.from('%PDF-1.7\nnot really'), Buffer.from('hello')]) {
      const error = await parseReportBytes('reports/broken.pdf', broken).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ReportError);
    }
  });
});

/** A one-page PDF that draws `content` (no text unless it says so), with a correct cross-reference table. */
function minimalPdf(content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf);
}
