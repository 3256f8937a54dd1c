import type { Heading, Paragraph, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { textDumpToMdast } from '../src/front-ends/text-dump-to-mdast.ts';

const cells = (table: Table) => table.children.map((row) => row.children.map((cell) => toString(cell)));

describe('textDumpToMdast', () => {
  it('makes a title, part headings, subsection headings and paragraphs', () => {
    const tree = textDumpToMdast(
      ['2024年某街道政府信息公开工作', '年度报告', '导语。', '一、总体情况', '（一）主要工作', '正文一段。'].join('\n'),
    );
    expect(tree.children.map((node) => [node.type, (node as Heading).depth ?? null, toString(node)])).toEqual([
      ['heading', 1, '2024年某街道政府信息公开工作年度报告'],
      ['paragraph', null, '导语。'],
      ['heading', 2, '一、总体情况'],
      ['heading', 3, '（一）主要工作'],
      ['paragraph', null, '正文一段。'],
    ]);
  });

  it('turns tab lines into table cells and blank lines into row breaks, with positions', () => {
    const tree = textDumpToMdast(['二、主动公开政府信息情况', '\t信息内容', '\t本年制发件数', '', '\t规章', '\t0 '].join('\n'));
    const table = tree.children[1] as Table;
    expect(table.type).toBe('table');
    expect(cells(table)).toEqual([
      ['信息内容', '本年制发件数'],
      ['规章', '0'],
    ]);
    expect(table.children[1]!.children[1]!.position?.start).toEqual({ line: 6, column: 2, offset: 33 });
  });

  it('joins a header cell continued on a line without a tab', () => {
    const tree = textDumpToMdast(['\t信息内容', '\t本年新', ' 制作数量', '\t本年新', ' 公开数量'].join('\n'));
    expect(cells(tree.children[0] as Table)).toEqual([['信息内容', '本年新制作数量', '本年新公开数量']]);
  });

  it('keeps a merged cell with stray blank lines in its row', () => {
    const tree = textDumpToMdast(
      ['\t二、上年结转', '\t0', '', '\t', '', '', '', '三、本年度办理结果', '\t（一）予以公开', '\t0', '', '\t', '\t（二）部分公开', '\t0'].join(
        '\n',
      ),
    );
    expect(tree.children).toHaveLength(1);
    expect(cells(tree.children[0] as Table)).toEqual([
      ['二、上年结转', '0'],
      ['三、本年度办理结果', '（一）予以公开', '0'],
      ['', '（二）部分公开', '0'],
    ]);
  });

  it('ends a table at a part heading even without a blank line', () => {
    const tree = textDumpToMdast(['\t0', '四、政府信息公开行政复议、行政诉讼情况', '\t行政复议'].join('\n'));
    expect(tree.children.map((node) => node.type)).toEqual(['table', 'heading', 'table']);
  });

  it('ends a table at a line of text after a number cell', () => {
    const tree = textDumpToMdast(['\t规章', '\t0', '注：本表单位为件。'].join('\n'));
    expect(tree.children.map((node) => node.type)).toEqual(['table', 'paragraph']);
  });

  it('removes extraction markers and mends a paragraph broken before closing punctuation', () => {
    const tree = textDumpToMdast(
      ['标题年度报告', '[bookmark: _GoBack]一、总体情况', '根据《重点工作任务台账', '', '》等文件要求，开展工作。'].join('\n'),
    );
    expect(toString(tree.children[1] as Heading)).toBe('一、总体情况');
    expect(toString(tree.children[2] as Paragraph)).toBe('根据《重点工作任务台账》等文件要求，开展工作。');
    expect(tree.children).toHaveLength(3);
  });

  it('keeps an attachment label as text and finds the title after it', () => {
    const tree = textDumpToMdast(['附件4:', '政府信息公开工作年度报告', '正文。'].join('\n'));
    expect(tree.children.map((node) => [node.type, toString(node)])).toEqual([
      ['paragraph', '附件4:'],
      ['heading', '政府信息公开工作年度报告'],
      ['paragraph', '正文。'],
    ]);
  });
});
