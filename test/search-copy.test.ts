/**
 * The copy of a page that Pagefind indexes (src/build/search-copy.ts): every Chinese character of
 * the text a word of its own, the agency's pinyin in the searchable body, and nothing else changed.
 */
import { describe, expect, it } from 'vitest';
import { copyByParser, copyByTokens, searchCopy } from '../src/build/search-copy.ts';

const page = [
  '<!doctype html><html lang="zh-CN"><head><title>春晓街道·2020年度</title>',
  '<script>var label = "行政复议";</script><style>p::before { content: "注"; }</style></head>',
  '<body><header><a href="/">公开</a></header>',
  '<main id="main-content" data-pagefind-body><h1 title="年度报告">春晓街道&amp;报告</h1>',
  '<!-- 注释。 --><p>行政复议<b>纠错</b> 2 件，ABC 不变。</p><div data-pagefind-ignore><table><tr><td>本年新收</td></tr></table></div></main>',
  '<footer>页脚</footer></body></html>',
].join('');

describe('the copy of a page that the search index reads', () => {
  const copy = searchCopy(page, ['chunxiaojiedao']);

  it('puts a space after every Chinese character of the text', () => {
    expect(copy).toContain('<h1 title="年度报告">春 晓 街 道 &amp;报 告 </h1>');
    expect(copy).toContain('<p>行 政 复 议 <b>纠 错 </b> 2 件 ，ABC 不 变 。</p>');
  });

  it('leaves out what the index leaves out (the tables, data-pagefind-ignore)', () => {
    expect(copy).not.toContain('本年新收');
    expect(copy).not.toContain('本 年 新 收');
    expect(copy).not.toContain('<table>');
  });

  it('leaves tags, attributes, comments, scripts, styles and the title as they are', () => {
    for (const kept of ['<title>春晓街道·2020年度</title>', 'var label = "行政复议";', 'content: "注";', '<!-- 注释。 -->', 'title="年度报告"', '<main id="main-content" data-pagefind-body>']) {
      expect(copy).toContain(kept);
    }
    // Take the spaces out again (the page has none of its own after a character) and it is what it was, but for the pinyin and the table.
    const table = '<div data-pagefind-ignore><table><tr><td>本年新收</td></tr></table></div>';
    expect(copy.replace(/([\u4e00-\u9fff]) /g, '$1').replace('<p>chunxiaojiedao</p>', '')).toBe(page.replace(table, ''));
  });

  it('puts the pinyin words last in the searchable body, and only words of letters, digits and hyphens', () => {
    expect(copy).toContain('。</p><p>chunxiaojiedao</p></main>');
    expect(searchCopy(page, ['<script>'])).toContain('。</p></main>');
    expect(searchCopy(page, ['<b>x</b>', 'ok-1'])).toContain('。</p><p>ok-1</p></main>');
  });

  it('reads a page whose tags do not nest with the parser, as HTML closes them', () => {
    const unclosed = page.replace('<b>纠错</b>', '<b>纠错</i>');
    expect(copyByTokens(unclosed, [])).toBeNull();
    expect(searchCopy(unclosed, [])).toBe(copyByParser(unclosed, []));
    expect(copyByTokens(page, ['chunxiaojiedao'])).toBe(copyByParser(page, ['chunxiaojiedao']));
  });
});
