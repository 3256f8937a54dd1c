/**
 * The site built from ingested reports: a page per report at /agencies/<slug>/<year>/, the JSON
 * downloadable beside it, and report text always escaped — a report cannot inject code.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let site = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-site-'));
  const reports = join(dir, 'reports');
  await mkdir(reports);
  await copyFile('reports/2020-春晓街道.txt', join(reports, '2020-春晓街道.txt'));
  const sample = await readFile('reports/2021-南关区民政局.txt', 'utf8');
  const hostile = sample
    .replace('南关区民政局政府信息公开', '南关区<b>民政局</b>政府信息公开')
    .replace('六、其他需要报告的事项\n无', '六、其他需要报告的事项\n<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接</a>');
  await writeFile(join(reports, '2021-南关区民政局.txt'), hostile);
  await run('npx', ['tsx', 'src/cli/ingest.ts', reports, join(dir, 'data')]);
  site = join(dir, '_site');
  await run('npx', ['tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${site}`, '--quiet'], {
    env: { ...process.env, GONGKAI_DATA: join(dir, 'data') },
  });
}, 120_000);

describe('the built site', () => {
  it('has a home page in Chinese listing every report', async () => {
    const html = await readFile(join(site, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('href="/agencies/chunxiaojiedao/2020/"');
  });

  it('has a page per report and its JSON', async () => {
    const html = await readFile(join(site, 'agencies/chunxiaojiedao/2020/index.html'), 'utf8');
    expect(html).toContain('2020年度春晓街道政府信息公开工作年度报告');
    const json = JSON.parse(await readFile(join(site, 'data/reports/chunxiaojiedao-2020.json'), 'utf8'));
    expect(json.proactive.centralizedProcurement.amountYuan).toBe(3_850_000);
  });

  it('shows HTML and script in a report as text', async () => {
    const html = await readFile(join(site, 'agencies/nanguanqu-b-minzhengju-b/2021/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('南关区&lt;b&gt;民政局&lt;/b&gt;');
    // The title is escaped once, like the rest of the page (not &amp;lt;).
    expect(html).toContain('<title>南关区&lt;b&gt;民政局&lt;/b&gt; 2021年度政府信息公开工作年度报告');
    expect(html).not.toMatch(/<script>alert|<img src=x|href="javascript:/);
  });
});
