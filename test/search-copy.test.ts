/**
 * The copy of a page that Pagefind indexes (src/build/search-copy.ts): every Chinese character of
 * the text a word of its own, with the punctuation that touches it, the agency's pinyin in the
 * searchable body, and nothing else changed.
 */
import { describe, expect, it } from 'vitest';
import { copyByParser, copyByTokens, searchCopy } from '../src/build/search-copy.ts';

const page = [
  '<!doctype html><html lang="zh-CN"><head><title>春晓街道·2020年度</title>',
  '<script>var label = "行政复议";</script><style>p::before { content: "注"; }</style></head>',
  '<body><header><a href="/">公开</a></header>',
  '<main id="main-content" data-pagefind-body><h1 title="年度报告">春晓街道&amp;报告</h1>',
  '<!--注释。--><p>行政复议<b>纠错</b> 2 件，ABC 不变。</p><div data-pagefind-ignore><table><tr><td>本年新收</td></tr></table></div></main>',
  '<footer>页脚</footer></body></html>',
].join('');

describe('the copy of a page that the search index reads', () => {
  const copy = searchCopy(page, ['chunxiaojiedao']);

  it('puts a space before and after every Chinese character of the text, with the punctuation that touches it', () => {
    expect(copy).toContain('<h1 title="年度报告"> 春  晓  街  道 &amp; 报  告 </h1>');
    expect(copy).toContain('<!--注释。--><p> 行  政  复  议 <b> 纠  错 </b> 2  件， ABC  不  变。 </p>');
    // A number that touches a character is a word apart from it, and so is a full-width digit: 不予公开
    // is found after "51.85%；", and a comma does not take a word's place between 件 and 占.
    expect(searchCopy('<main data-pagefind-body><p>（一）公开42件，占51.85%；不予公开５件</p></main>')).toBe(
      '<main data-pagefind-body><p> （一）  公  开 42 件，  占 51.85% ；不  予  公  开 ５ 件 </p></main>',
    );
  });

  it('leaves out what the index leaves out (the tables, data-pagefind-ignore)', () => {
    expect(copy).not.toContain('本年新收');
    expect(copy).not.toContain('本 年 新 收');
    expect(copy).not.toContain('<table>');
  });

  it('leaves tags, attributes, comments, scripts, styles and the title as they are', () => {
    for (const kept of ['<title>春晓街道·2020年度</title>', 'var label = "行政复议";', 'content: "注";', '<!--注释。-->', 'title="年度报告"', '<main id="main-content" data-pagefind-body>']) {
      expect(copy).toContain(kept);
    }
    // Take the spaces out again, one on each side of each character and its marks, and it is what it was, but for the pinyin and the table.
    const table = '<div data-pagefind-ignore><table><tr><td>本年新收</td></tr></table></div>';
    expect(copy.replace(/ ?([，。]?[\u4e00-\u9fff][，。]?) ?/g, '$1').replace('<p>chunxiaojiedao</p>', '')).toBe(page.replace(table, ''));
  });

  it('puts the pinyin words last in the searchable body, and only words of letters, digits and hyphens', () => {
    expect(copy).toContain('变。 </p><p>chunxiaojiedao</p></main>');
    expect(searchCopy(page, ['<script>'])).toContain('变。 </p></main>');
    expect(searchCopy(page, ['<b>x</b>', 'ok-1'])).toContain('变。 </p><p>ok-1</p></main>');
  });

  it('reads a page whose tags do not nest with the parser, as HTML closes them', () => {
    const unclosed = page.replace('<b>纠错</b>', '<b>纠错</i>');
    expect(copyByTokens(unclosed, [])).toBeNull();
    expect(searchCopy(unclosed, [])).toBe(copyByParser(unclosed, []));
    expect(copyByTokens(page, ['chunxiaojiedao'])).toBe(copyByParser(page, ['chunxiaojiedao']));
  });
});
