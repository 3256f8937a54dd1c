/**
 * The report's address on the agency's own site (source.metadata.url): read from a saved page's
 * <meta name="Url"> (the metadata government pages carry) or an editor's front matter, and only
 * ever an absolute http or https address, since the portal links to it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webAddress } from '../src/front-ends/front-end.ts';
import { parseReportBytes } from '../src/parse-report.ts';

const page = readFileSync('test/fixtures/pingtan-2023-jinjing-pianqu/input.html', 'utf8');
const stated = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202401/t20240125_86498.htm';
const markdown = readFileSync('test/fixtures/markdown-hand-written/input.md', 'utf8');

describe('the report’s own address', () => {
  it('passes absolute http and https addresses only', () => {
    expect(webAddress(' https://www.example.gov.cn/a b.htm ')).toBe('https://www.example.gov.cn/a%20b.htm');
    expect(webAddress('http://example.gov.cn')).toBe('http://example.gov.cn/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', '/zwgk/report.htm', 'www.example.gov.cn', 'ftp://example.gov.cn/x', '', null, undefined]) {
      expect(webAddress(bad)).toBeNull();
    }
  });

  it('is read from a saved page’s <meta name="Url">, and dropped when it is not a web address', async () => {
    expect(page).toContain(`<meta name="Url" content="${stated}"`);
    const report = await parseReportBytes('reports/2023-金井片区.html', Buffer.from(page));
    expect(report.source.metadata?.url).toBe(stated);
    const hostile = page.replace(stated, 'javascript:alert(document.cookie)');
    const read = await parseReportBytes('reports/2023-金井片区.html', Buffer.from(hostile));
    expect(read.source.metadata?.url).toBeNull();
    // Nothing else about the record changes.
    expect({ ...read, source: null }).toEqual({ ...report, source: null });
  });

  it('is taken from url: in a Markdown file’s front matter, and a bad one is refused with a message', async () => {
    const withFrontMatter = (url: string) => `---\nurl: ${url}\n---\n\n${markdown.replace(/^---\n[\s\S]*?\n---\n/, '')}`;
    const report = await parseReportBytes('reports/2021-某局.md', Buffer.from(withFrontMatter('https://www.example.gov.cn/2021.html')));
    expect(report.source.metadata?.url).toBe('https://www.example.gov.cn/2021.html');
    await expect(parseReportBytes('reports/2021-某局.md', Buffer.from(withFrontMatter('javascript:alert(1)')))).rejects.toMatchObject({
      rule: 'front-matter',
      message: expect.stringContaining('“url”有误'),
      line: 1,
    });
  });
});
