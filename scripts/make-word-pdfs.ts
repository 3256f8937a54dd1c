/**
 * npm run make-word-pdfs
 *
 * PDFs as Word makes them, for the PDF front end's tests: each sample report (test/fixtures/20*-template-*)
 * written as a Word file (its tables as Word tables, with the docx package) and converted to PDF
 * by LibreOffice in headless mode, into test/page-forms/word-<case>/report.pdf. Needs `soffice`
 * (Debian: libreoffice-writer-nogui). Made once and committed; the test holds the values read
 * from each PDF equal to the sample's own (test/fixtures/<case>/expected.json, checked by hand).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { toString } from 'mdast-util-to-string';
import { analyseSource } from '../src/parse-report.ts';
import { padTable } from '../src/publish/report-markdown.ts';
import { sourceFromBytes } from '../src/read/read-report.ts';

const CASES = ['2021-template-label-drift', '2019-template-procurement'];

for (const name of CASES) {
  const input = join('test/fixtures', name, 'input.txt');
  const { frontEnd } = await analyseSource(sourceFromBytes(input, readFileSync(input)));
  const children = frontEnd.tree.children.map((node) => {
    if (node.type === 'table') {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: padTable(node).children.map(
          (row) => new TableRow({ children: row.children.map((cell) => new TableCell({ children: [new Paragraph(toString(cell))] })) }),
        ),
      });
    }
    const heading = node.type === 'heading' ? [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2][node.depth - 1] : undefined;
    return new Paragraph({ text: toString(node), ...(heading ? { heading } : {}) });
  });
  const work = mkdtempSync(join(tmpdir(), 'gongkai-word-'));
  writeFileSync(join(work, 'report.docx'), await Packer.toBuffer(new Document({ sections: [{ children }] })));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
  const folder = join('test/page-forms', `word-${name}`);
  mkdirSync(folder, { recursive: true });
  renameSync(join(work, 'report.pdf'), join(folder, 'report.pdf'));
  console.log(`${folder}/report.pdf`);
}
