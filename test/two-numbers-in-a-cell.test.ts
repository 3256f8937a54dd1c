/**
 * Two numbers in one cell (issue 13) are read as no number, with a finding quoting the cell, in
 * every front end that joins a cell's lines or blocks: never fused into one (3 and 4 into 34).
 * What a browser shows decides: blocks and <br> part a cell's lines, inline elements do not
 * (<span>1</span><span>2</span> is 12 to a reader), and a digit set raised or lowered is a
 * marker, not a digit of the number. A real page's cell, a Word file's cell, a Word file's text
 * and a PDF's items are each changed to hold two numbers.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Root, Table as MdastTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { joinText } from '../src/front-ends/block-kinds.ts';
import { standApart, type PositionedItem } from '../src/front-ends/pdf-tables.ts';
import { textDumpToMdast } from '../src/front-ends/text-dump-to-mdast.ts';
import { parseReportBytes } from '../src/parse-report.ts';
import { padTable } from '../src/publish/report-markdown.ts';
import { parseCell } from '../src/report-format/numbers.ts';
import { nodeAt } from '../src/schema/record-paths.ts';
import type { Report } from '../src/schema/report.ts';
import { cellSourceAt, cellSources } from '../src/schema/cell-places.ts';

/** The value at `path` is null, and a not-a-number finding on it quotes the cell's text. */
function expectRefused(report: Report, path: string, quoted: string): void {
  expect(nodeAt(report, path), quoted).toBeNull();
  const finding = report.findings.find((f) => f.rule === 'not-a-number' && f.paths.includes(path));
  expect(finding, quoted).toBeDefined();
  expect(finding!.message).toContain(`“${quoted}”`);
}

describe('the text of a cell', () => {
  it('keeps two numbers set on two lines apart, a separator at the line’s end included', () => {
    for (const text of ['1, 234', '1. 5', '3 .5', '３ ４', '3 ４', '1，\u3000234']) {
      expect(parseCell(text, 'tenThousandYuan'), text).toEqual({ kind: 'invalid', reason: 'several-numbers' });
    }
    expect(parseCell('1,234')).toMatchObject({ kind: 'number', value: 1234 });
    expect(parseCell('1 234')).toMatchObject({ kind: 'number', value: 1234 });
    expect(parseCell('385 万元', 'tenThousandYuan')).toMatchObject({ kind: 'number', value: 385 });
  });

  it('joins full-width digits on two lines with a space, as it joins ASCII ones: they are no Chinese', () => {
    expect(joinText('３', '４')).toBe('３ ４');
    expect(joinText('3', '４')).toBe('3 ４');
    expect(joinText('３', '件')).toBe('３件');
    expect(joinText('行政', '许可')).toBe('行政许可');
  });
});

describe('a web page’s cell', () => {
  const path = 'reports/2024-平潭综合实验区行政审批局.html';
  const page = readFileSync(path, 'utf8');
  const key = 'applications.newReceived.naturalPerson';

  /** The page with the content of the cell of `key` replaced. */
  async function withCell(original: Report, content: string): Promise<Report> {
    const source = cellSourceAt(original, key)!;
    let offset = 0;
    for (let line = 1; line < source.line!; line++) offset = page.indexOf('\n', offset) + 1;
    const start = page.indexOf('>', offset + source.column! - 1) + 1;
    const end = page.indexOf('</td>', start);
    return parseReportBytes(path, Buffer.from(page.slice(0, start) + content + page.slice(end)));
  }

  it('of two numbers in blocks, on lines of their own, apart or one raised is no number', async () => {
    const original = await parseReportBytes(path, Buffer.from(page));
    expect(nodeAt(original, key)).toBe(28);
    const cases: Array<[string, string]> = [
      ['3<br>4', '3 4'],
      ['<p>3</p><p>4</p>', '3 4'],
      ['<div>3</div><div>4</div>', '3 4'],
      ['3&nbsp;4', '3\u00a04'],
      ['3&emsp;4', '3\u20034'],
      ['<p>３</p><p>４</p>', '３ ４'],
      ['３<br>４', '３ ４'],
      ['<p>3</p><p>４</p>', '3 ４'],
      ['1,<br>234', '1, 234'],
      ['3<sup>4</sup>', '3⁴'],
      ['5<sub>1</sub>', '5₁'],
      ['<span>3<sup><span>１２</span></sup></span>', '3¹²'],
    ];
    for (const [content, text] of cases) expectRefused(await withCell(original, content), key, text);
  });

  it('of one number split by inline markup is that number, as a browser shows it', async () => {
    const original = await parseReportBytes(path, Buffer.from(page));
    const cases: Array<[string, number]> = [
      ['<span>3</span><span>4</span>', 34],
      ['<p><span>1</span>２</p>', 12],
      ['<b>3</b>4', 34],
      ['<p>&nbsp;</p><p>7</p>', 7],
    ];
    for (const [content, value] of cases) expect(nodeAt(await withCell(original, content), key), content).toBe(value);
  });
});

describe('a Word file’s cell', () => {
  const path = 'reports/2021-世纪街道.txt';
  const tree = textDumpToMdast(readFileSync(path, 'utf8'));
  /** 行政许可 3 (line 56 of the sample): the cell changed. */
  const key = 'proactive.licensing.decisions';

  /** The sample as a Word file, the cell of line 56 holding `paragraphs`. */
  function asWordFile(source: Root, paragraphs: Paragraph[]): Promise<Buffer> {
    const children = source.children.map((node) => {
      if (node.type !== 'table') return new Paragraph(toString(node));
      return new Table({
        rows: padTable(node as MdastTable).children.map(
          (row) =>
            new TableRow({
              children: row.children.map(
                (cell) => new TableCell({ children: cell.position?.start.line === 56 ? paragraphs : [new Paragraph(toString(cell))] }),
              ),
            }),
        ),
      });
    });
    return Packer.toBuffer(new Document({ sections: [{ children }] }));
  }

  it('of two paragraphs, or a number with a raised one, is no number', async () => {
    const one = await parseReportBytes('2021-世纪街道.docx', await asWordFile(tree, [new Paragraph('3')]));
    expect(nodeAt(one, key)).toBe(3);
    const two = await parseReportBytes('2021-世纪街道.docx', await asWordFile(tree, [new Paragraph('3'), new Paragraph('4')]));
    expectRefused(two, key, '3 4');
    const marked = await parseReportBytes(
      '2021-世纪街道.docx',
      await asWordFile(tree, [new Paragraph({ children: [new TextRun('5'), new TextRun({ text: '1', superScript: true })] })]),
    );
    expectRefused(marked, key, '5¹');
  });
});

describe('a cell of a Word file’s text', () => {
  it('whose number goes on, between two cells, on a line without a tab is no number', async () => {
    const path = 'reports/2021-世纪街道.txt';
    const lines = readFileSync(path, 'utf8').split('\n');
    const original = await parseReportBytes(path, Buffer.from(lines.join('\n')));
    const key = cellSources(original).map(([path]) => path).find((k) => k.startsWith('proactive.regulations.'))!;
    const line = cellSourceAt(original, key)!.line!;
    expect(lines[line - 1]).toBe('\t0');
    for (const [extra, text] of [['4', '0 4'], ['４', '0 ４']] as const) {
      const changed = [...lines];
      changed.splice(line, 0, extra);
      expectRefused(await parseReportBytes(path, Buffer.from(changed.join('\n'))), key, text);
    }
  });
});

describe('a PDF cell’s text items', () => {
  const item = (text: string, x: number, width: number, size: number): PositionedItem => ({ text, x, y: 0, width, size });

  it('stand apart where a number is set small beside a number (a footnote marker), not where they are one number', () => {
    expect(standApart(item('5', 0, 6, 12), item('1', 6, 3.5, 7))).toBe(true);
    expect(standApart(item('1', 0, 6, 12), item('2', 6, 6, 12))).toBe(false);
    expect(standApart(item('12', 0, 12, 12), item('件', 12, 12, 12))).toBe(false);
  });
});
