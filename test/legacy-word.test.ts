/**
 * Old Word, WPS and RTF files, read through LibreOffice: each sample report made a Word 97 file,
 * an RTF file and a WPS file (scripts/make-word-forms.ts) gives the sample's own values. Without
 * LibreOffice these tests are skipped with a message, except in CI (CI=true), where that is a
 * failure; the message a user without LibreOffice gets is tested everywhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/diagnostics/report-error.ts';
import { parseReportBytes } from '../src/parse-report.ts';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, FIXTURES } from './fixture-cases.ts';

function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const available = hasLibreOffice();
if (!available && process.env['CI']) throw new Error('soffice is missing: CI must install libreoffice-writer-nogui');
if (!available) console.warn('Old Word tests skipped: soffice not found (apt-get install -y libreoffice-writer-nogui).');

const FORMS = join(import.meta.dirname, 'page-forms');
const SAMPLES = ['2021-template-label-drift', '2019-template-procurement'];

describe.skipIf(!available)('old Word, WPS and RTF files', () => {
  for (const name of SAMPLES) {
    for (const format of ['doc', 'wps', 'rtf'] as const) {
      it(`${name} as .${format} gives the sample's values`, async () => {
        const sample = expectedRecord<Report>(join(FIXTURES, name));
        const report = await parseReportBytes(`reports/${name}.${format}`, readFileSync(join(FORMS, `word-${name}`, `report.${format}`)));
        expect(report.source.format).toBe(format);
        const { template, proactive, applications, reviewLitigation } = report;
        expect({ template, proactive, applications, reviewLitigation }).toEqual({
          template: sample.template,
          proactive: sample.proactive,
          applications: sample.applications,
          reviewLitigation: sample.reviewLitigation,
        });
        expect(report.agency.name).toBe(sample.agency.name);
        expect(report.year).toBe(sample.year);
      }, 180_000);
    }
  }

  it('refuses a file that is no Word file with a message', async () => {
    // LibreOffice reads text in a .doc as text: it is then no report. Other bytes it cannot convert.
    const text = await parseReportBytes('reports/2022-某局.doc', Buffer.from('not really a Word file')).catch((e: unknown) => e);
    expect(text).toMatchObject({ rule: 'not-a-report' });
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 0xff)]);
    const broken = await parseReportBytes('reports/2022-某局.doc', bytes).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(ReportError);
    expect((broken as ReportError).message.length).toBeGreaterThan(10);
  }, 180_000);
});

describe('an old Word file where LibreOffice is not installed', () => {
  it('is refused with how to install it or save the file as .docx', async () => {
    const before = process.env['GONGKAI_SOFFICE'];
    process.env['GONGKAI_SOFFICE'] = '/nonexistent/soffice';
    try {
      await expect(parseReportBytes('reports/2022-某局.doc', Buffer.from('x'))).rejects.toMatchObject({
        rule: 'converter-missing',
        message: expect.stringMatching(/apt-get install libreoffice-writer-nogui.*另存为 \.docx/),
      });
    } finally {
      if (before === undefined) delete process.env['GONGKAI_SOFFICE'];
      else process.env['GONGKAI_SOFFICE'] = before;
    }
  });
});
