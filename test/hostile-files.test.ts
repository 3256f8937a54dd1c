/**
 * Files in reports/ are untrusted input (issue 13): what the portal publishes of a file it does
 * not read, text that a spreadsheet would run, two names that sound the same, and files made to
 * exhaust the build (a huge page, a Word file that expands a thousandfold, a long name, a
 * registry of aliases or a folder in its place). Each ends as a record or a clear refusal of that
 * file alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/diagnostics/report-error.ts';
import { slugifyAgency } from '../src/extract/slugify-agency.ts';
import { docxToMdast } from '../src/front-ends/docx-to-mdast.ts';
import { zipSizes } from '../src/front-ends/zip-sizes.ts';
import { ingestFolder } from '../src/ingest/ingest-folder.ts';
import { csvRecord, neutraliseFormula } from '../src/publish/csv.ts';
import { publishedSourceName } from '../src/publish/source-file-name.ts';
import { SIZE_LIMITS, sourceFromBytes } from '../src/read/read-report.ts';
import { temporaryFolder } from './temporary-folder.ts';

const refusal = (run: () => unknown): ReportError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('originals published under the portal’s address', () => {
  it('only for a format the portal reads, and a web page only as text', () => {
    expect(publishedSourceName('r', 'reports/2024-某局.txt')).toBe('r.txt');
    expect(publishedSourceName('r', 'reports/2024-某局.html')).toBe('r.html.txt');
    expect(publishedSourceName('r', 'reports/2024-某局.HTM')).toBe('r.htm.txt');
    expect(publishedSourceName('r', 'reports/2024-某局.docx')).toBe('r.docx');
    expect(publishedSourceName('r', 'reports/2024-某局.pdf')).toBe('r.pdf');
    for (const name of ['a.xml', 'a.xht', 'a.xhtml', 'a.shtml', 'a.mht', 'a.svg', 'credentials.env', 'a.json', 'a.js', 'noextension']) {
      expect(publishedSourceName('r', name), name).toBeNull();
    }
  });
});

describe('CSV formula injection', () => {
  it('neutralises text a spreadsheet would run, as OWASP recommends', () => {
    for (const text of ['=HYPERLINK("http://example.com","点此")', '+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '-2+3', '\t=1', '\r=1']) {
      expect(neutraliseFormula(text), text).toBe(`'${text}`);
    }
    expect(csvRecord(['=1+1', '南关区=民政局', 5, null])).toBe("'=1+1,南关区=民政局,5,\r\n");
  });

  it('never touches a number, a number as printed, or a lone dash', () => {
    expect(csvRecord([-5, 0, 3.5])).toBe('-5,0,3.5\r\n');
    for (const text of ['-3', '+12', '-', '0', '385万元', '南关区民政局']) expect(neutraliseFormula(text)).toBe(text);
    expect(csvRecord(['=a,"b"'])).toBe(`"'=a,""b"""\r\n`);
  });
});

describe('two names, one pinyin', () => {
  it('gives each its own address, keeps both reports and says why', async () => {
    const folder = temporaryFolder('gongkai-same-sound-');
    const genuine = readFileSync('reports/2020-春晓街道.txt', 'utf8');
    writeFileSync(join(folder, '2020-0春筱街道.txt'), genuine.replaceAll('春晓', '春筱'));
    writeFileSync(join(folder, '2020-春晓街道.txt'), genuine);
    const { reports, failures } = await ingestFolder(folder);
    expect(failures).toEqual([]);
    expect(reports.map((report) => report.agency.name).sort()).toEqual(['春晓街道', '春筱街道']);
    const ids = reports.map((report) => report.id);
    expect(new Set(ids).size).toBe(2);
    for (const report of reports) {
      expect(report.id).toMatch(/^chunxiaojiedao-[0-9a-f]{6}-2020$/);
      expect(report.findings.find((finding) => finding.rule === 'same-address')?.message).toContain('拼音相同');
    }
    // Stable: the genuine name gets the same address whatever other file comes.
    const alone = temporaryFolder('gongkai-same-sound-');
    writeFileSync(join(alone, '2020-春晓街道.txt'), genuine);
    writeFileSync(join(alone, '2020-春筱街道.txt'), genuine.replaceAll('春晓', '春筱'));
    const again = await ingestFolder(alone);
    expect(again.reports.map((report) => report.id).sort()).toEqual([...ids].sort());
  });

  it('leaves a name that shares its pinyin with no other as it was', async () => {
    const folder = temporaryFolder('gongkai-same-sound-');
    writeFileSync(join(folder, '2020-春晓街道.txt'), readFileSync('reports/2020-春晓街道.txt'));
    const { reports } = await ingestFolder(folder);
    expect(reports[0]!.id).toBe('chunxiaojiedao-2020');
  });
});

describe('files made to exhaust the build', () => {
  it('refuses a page or a text far larger than any report, naming the limit', () => {
    const page = new Uint8Array(SIZE_LIMITS.text + 1).fill(0x20);
    const error = refusal(() => sourceFromBytes('reports/2024-某局.html', page));
    expect(error.rule).toBe('file-too-large');
    expect(error.message).toContain('8.0 MB');
  });

  it('refuses a Word file that expands a thousandfold, before expanding it', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(zipSizes(bomb)).toMatchObject({ entries: 2, largest: 100 * 1024 * 1024 });
    await expect(docxToMdast(bomb)).rejects.toMatchObject({ rule: 'docx-too-large' });
  });

  it('makes a short, valid file name of an agency name of any length', () => {
    for (const length of [56, 300, 200_000]) {
      const slug = slugifyAgency(`${'平潭综合实验区'.repeat(Math.ceil(length / 7))}`.slice(0, length));
      expect(slug.length, String(length)).toBeLessThanOrEqual(90);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(slugifyAgency('局'.repeat(300))).not.toBe(slugifyAgency('局'.repeat(301)));
  });

  it('lists a registry of a billion laughs, or a folder in its place, and publishes the reports as they name themselves', async () => {
    const laughs = ['a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]'];
    for (let n = 1; n < 9; n++) laughs.push(`${String.fromCharCode(97 + n)}: &${String.fromCharCode(97 + n)} [${Array(9).fill(`*${String.fromCharCode(96 + n)}`).join(',')}]`);
    for (const make of [(folder: string) => writeFileSync(join(folder, 'agencies.yml'), laughs.join('\n')), (folder: string) => mkdirSync(join(folder, 'agencies.yml'))]) {
      const folder = temporaryFolder('gongkai-registry-');
      writeFileSync(join(folder, '2020-春晓街道.txt'), readFileSync('reports/2020-春晓街道.txt'));
      make(folder);
      const { reports, failures } = await ingestFolder(folder);
      expect(reports.map((report) => report.id)).toEqual(['chunxiaojiedao-2020']);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ path: 'agencies.yml', rule: expect.stringMatching(/^registry-(syntax|unreadable)$/) });
    }
  });
});
