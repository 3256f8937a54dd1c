/**
 * Decoding: the same report in GB18030, UTF-16 or UTF-8 with a byte-order mark gives the same
 * record; only the recorded encoding and the checksum of the bytes differ.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/read/decode-bytes.ts';
import { parseReportBytes } from '../src/parse-report.ts';
import { ReportError } from '../src/diagnostics/report-error.ts';
import type { Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';

const PATH = 'reports/2024-南关区自强街道.txt';
const utf8 = readFileSync(`${FIXTURES}/2021-template-stray-lines-in-merged-cell/input.txt`);
const text = utf8.toString('utf8');

/** The record without what legitimately depends on the bytes. */
function content(report: Report) {
  const { encoding, bom, sha256, bytes, ...source } = report.source;
  void [encoding, bom, sha256, bytes];
  return { ...report, source };
}

describe('decodeBytes', () => {
  it('reads UTF-8 without a mark', () => {
    expect(decodeBytes(utf8)).toMatchObject({ encoding: 'utf-8', bom: false, text });
  });

  it('reads UTF-8 with a mark and CRLF line ends', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]);
    expect(decodeBytes(bytes)).toMatchObject({ encoding: 'utf-8', bom: true, text });
  });

  it('reads UTF-16 in both byte orders, with and without a mark', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({ encoding: 'utf-16le', bom: true, text });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ encoding: 'utf-16be', bom: true, text });
    expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', bom: false, text });
    expect(decodeBytes(be)).toMatchObject({ encoding: 'utf-16be', bom: false, text });
  });

  it('reads GB18030 and GBK', () => {
    expect(decodeBytes(iconv.encode(text, 'gb18030'))).toMatchObject({ encoding: 'gb18030', text });
    expect(decodeBytes(iconv.encode(text, 'gbk'))).toMatchObject({ encoding: 'gb18030', text });
  });

  it('reads a UTF-8 file cut in the middle of a character as UTF-8 and says so', () => {
    const lead = utf8.findIndex((byte, index) => index > 300 && byte >= 0xe0);
    const cut = utf8.subarray(0, lead + 1); // ends after the first byte of a three-byte character
    const decoded = decodeBytes(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.incompleteTail).toBe(1);
    expect(text.startsWith(decoded.text)).toBe(true);
  });

  it('refuses binary data with a message', () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
    expect(() => decodeBytes(bytes)).toThrow(ReportError);
  });

  it('names the control character and its line', () => {
    const cases: Array<[string, string]> = [['\u0001', 'utf8'], ['\u000b', 'utf8'], ['\u007f', 'utf8'], ['\u0002', 'gb18030'], ['\u0001', 'utf16le']];
    for (const [control, encoding] of cases) {
      const error = (() => {
        try {
          decodeBytes(iconv.encode(`第一行\r\n第二行\t\f\n第三${control}行`, encoding, { addBOM: encoding === 'utf16le' }));
        } catch (caught) {
          return caught as ReportError;
        }
      })();
      expect(error).toBeInstanceOf(ReportError);
      expect(error!.line).toBe(3);
      expect(error!.message).toContain(`U+${control.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
    }
    expect(decodeBytes(Buffer.from('第一行\r\n第二行\t\f\r第三行')).text).toBe('第一行\n第二行\t\f\n第三行');
  });
});

describe('the same report in another encoding', () => {
  it('gives the same record in GB18030', async () => {
    const expected = content(await parseReportBytes(PATH, utf8));
    const report = await parseReportBytes(PATH, iconv.encode(text, 'gb18030'));
    expect(report.source.encoding).toBe('gb18030');
    expect(content(report)).toEqual(expected);
  });

  it('gives the same record in UTF-16 with a mark', async () => {
    const expected = content(await parseReportBytes(PATH, utf8));
    const report = await parseReportBytes(PATH, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(report.source).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(content(report)).toEqual(expected);
  });
});
