/**
 * Property tests (fast-check): thousands of mutated reports — truncated, lines dropped or swapped,
 * random bytes, other encodings, huge numbers, HTML and script injected into cells and prose —
 * each end as a valid record (with findings) or as a ReportError with a message, never as any
 * other exception. The seed is fixed so that a run can be repeated; FC_SEED=<n> FC_SCALE=<k>
 * explore other seeds and k times as many cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/diagnostics/report-error.ts';
import { parseReportBytes } from '../src/parse-report.ts';
import { Report } from '../src/schema/report.ts';
import { fixtureCases } from './fixture-cases.ts';

const INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">点此</a>',
  '"><svg onload=alert(1)>',
  '99999999999999999999999',
  '1e308',
  '-0',
  '１２３',
  '\t',
  '\t0',
  '\t—',
  '一、总体情况',
  '三、收到和处理政府信息公开申请情况',
  '（七）总计',
  '第二十条第（九）项',
  '<table><tr><td rowspan="99999">x</td></tr></table>',
  '</table></td></tr>',
  '| a | b |\n| --- | --- |',
  '---\nyear: abc\n---',
  '\u0000',
  '\uFFFD\uD800',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'drop'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'append'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 40 })) }),
  fc.record({ kind: fc.constant('append' as const), at: fc.nat(), text: fc.constantFrom(...INJECTIONS) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

const encoding = fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be');

function mutate(text: string, mutations: Mutation[], target: string): Uint8Array {
  let lines = text.split('\n');
  const trailing: Array<{ at: number; bytes: Uint8Array }> = [];
  let cut: number | null = null;
  for (const m of mutations) {
    const at = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
    if (m.kind === 'drop') lines.splice(at(m.at), m.count);
    else if (m.kind === 'swap') [lines[at(m.a)], lines[at(m.b)]] = [lines[at(m.b)] ?? '', lines[at(m.a)] ?? ''];
    else if (m.kind === 'insert') lines.splice(at(m.at), 0, m.text);
    else if (m.kind === 'append') lines[at(m.at)] = `${lines[at(m.at)] ?? ''}${m.text}`;
    else if (m.kind === 'truncate') cut = m.at;
    else trailing.push(m);
  }
  const joined = lines.join('\n');
  let bytes: Uint8Array =
    target === 'utf-8-bom'
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(joined)])
      : target === 'utf-8'
        ? Buffer.from(joined)
        : iconv.encode(joined, target);
  for (const { at, bytes: junk } of trailing) {
    const position = Math.floor(at * bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, position), junk, bytes.subarray(position)]);
  }
  if (cut !== null) bytes = bytes.subarray(0, Math.floor(cut * bytes.length));
  return bytes;
}

async function outcome(path: string, bytes: Uint8Array): Promise<'record' | 'refused'> {
  try {
    const report = await parseReportBytes(path, bytes);
    expect(Report.safeParse(report).success).toBe(true);
    return 'record';
  } catch (error) {
    if (error instanceof ReportError) {
      expect(error.message.length).toBeGreaterThan(5);
      return 'refused';
    }
    throw error;
  }
}

const cases = fixtureCases().filter((c) => c.name !== 'not-a-report' && !c.name.startsWith('pingtan-'));
const RUNS: Record<string, number> = { '.txt': 1500, '.md': 200, '.html': 150 };

describe.each(['.txt', '.md', '.html'])('mutated %s reports', (extension) => {
  const inputs = cases.filter((c) => c.input.endsWith(extension)).map((c) => readFileSync(c.input, 'utf8'));

  it('end as a record or a clear refusal, never an uncaught exception', async () => {
    const seen = { record: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...inputs),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        extension === '.txt' ? encoding : fc.constant('utf-8'),
        async (input, mutations, target) => {
          seen[await outcome(`reports/2021-测试${extension}`, mutate(input, mutations, target))]++;
        },
      ),
      { numRuns: RUNS[extension]! * Number(process.env['FC_SCALE'] ?? 1), seed: Number(process.env['FC_SEED'] ?? 20261121) },
    );
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(seen.record).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 300_000);
});

describe('mutated text of report pages (copied, innerText, a crawler’s capture)', () => {
  const forms = join(import.meta.dirname, 'page-forms');
  const inputs = ['html-2019-template-signed-changes', 'pingtan-2023-jiaotong-jianshe', 'pingtan-2025-jinjing-pianqu'].flatMap((name) =>
    ['copied.txt', 'inner-text.txt', 'capture.txt'].map((form) => readFileSync(join(forms, name, form), 'utf8').replace(/\r/g, '\n')),
  );

  it('end as a record or a clear refusal, never an uncaught exception', async () => {
    const seen = { record: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inputs), fc.array(mutation, { minLength: 1, maxLength: 6 }), encoding, async (input, mutations, target) => {
        seen[await outcome('reports/2021-测试.txt', mutate(input, mutations, target))]++;
      }),
      { numRuns: 300 * Number(process.env['FC_SCALE'] ?? 1), seed: Number(process.env['FC_SEED'] ?? 20261203) },
    );
    expect(seen.record).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 300_000);
});

describe('mutated PDFs', () => {
  const forms = join(import.meta.dirname, 'page-forms');
  const inputs = [join(forms, 'pingtan-2023-jiaotong-jianshe', 'a4.pdf'), join(forms, 'word-2021-template-label-drift', 'report.pdf')].map((path) => readFileSync(path));
  const damage = fc.record({
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 256 }),
  });

  it('end as a record or a clear refusal, never an uncaught exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inputs), damage, async (input, { cut, at, bytes }) => {
        const position = Math.floor(at * input.length);
        let damaged = Buffer.concat([input.subarray(0, position), bytes, input.subarray(position + bytes.length)]);
        if (cut !== undefined) damaged = damaged.subarray(0, Math.floor(cut * damaged.length));
        await outcome('reports/2023-测试.pdf', damaged);
      }),
      { numRuns: 16 * Number(process.env['FC_SCALE'] ?? 1), seed: Number(process.env['FC_SEED'] ?? 20261203) },
    );
  }, 300_000);
});

describe('injected markup', () => {
  it('is kept as text in the record, for the site to escape', async () => {
    const text = readFileSync(cases.find((c) => c.name === '2019-template-procurement')!.input, 'utf8').replace(
      '六、其他需要报告的事项\n无',
      '六、其他需要报告的事项\n<script>alert(1)</script>',
    );
    const report = await parseReportBytes('reports/x.txt', Buffer.from(text));
    expect(report.sections.find((s) => s.part === 6)!.blocks[0]!.text).toBe('<script>alert(1)</script>');
  });
});

describe('a table whose spans would expand without end', () => {
  it('is refused with a message naming the table', async () => {
    const cells = Array.from({ length: 300 }, () => '<td colspan="1000" rowspan="1000">x</td>').join('');
    const html = `<html><body><div class="TRS_Editor"><p>一、总体情况</p><table><tr>${cells}</tr></table></div></body></html>`;
    const started = performance.now();
    await expect(parseReportBytes('reports/2021-某局.html', Buffer.from(html))).rejects.toMatchObject({ rule: 'table-too-large', line: 1 });
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
