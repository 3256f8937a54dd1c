/**
 * npm run make-word-forms
 *
 * A sample report (test/fixtures/<case>) as the files an agency's Word file becomes: written as a
 * Word file (its tables as Word tables, with the docx package), then converted by LibreOffice in
 * headless mode to PDF (report.pdf), to Word 97 (report.doc), to RTF (report.rtf); report.wps is
 * the Word 97 file under WPS's extension, as WPS saves a file for Word. Into
 * test/page-forms/word-<case>/. Needs `soffice` (Debian: libreoffice-writer-nogui). Made once and
 * committed; the tests hold the values read from each equal to the sample's own
 * (test/fixtures/<case>/expected.json, checked by hand).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  const folder = join('test/page-forms', `word-${name}`);
  mkdirSync(folder, { recursive: true });
  for (const [extension, filter] of [['pdf', 'pdf'], ['doc', 'doc:MS Word 97'], ['rtf', 'rtf']] as const) {
    execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', work, join(work, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    renameSync(join(work, `report.${extension}`), join(folder, `report.${extension}`));
  }
  copyFileSync(join(folder, 'report.doc'), join(folder, 'report.wps'));
  console.log(`${folder}: report.pdf, .doc, .rtf, .wps`);
}
