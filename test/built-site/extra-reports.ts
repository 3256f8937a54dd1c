/**
 * The files the shared build adds to the sample reports: a later year of a sample whose prose,
 * table and agency name carry markup and script, a file that is no report, a PDF cut to its
 * first line, and files of formats the portal does not read (XHTML with a script, a stray .env).
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sample = readFileSync('reports/2021-南关区民政局.txt', 'utf8');

export const HOSTILE_REPORT = sample
  .replace('2021年南关区民政局政府信息公开工作年度报告', '2022年南关区民政局政府信息公开工作年度报告')
  .replace('六、其他需要报告的事项\n无', '六、其他需要报告的事项\n<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点此</a>')
  .replace('\t行政许可\n\t0', '\t行政许可\n\t<img src=x onerror=alert(4)>');

/** Markup in the agency's name: a report of 2023 by “南关区<b>民政局</b>”. */
export const MARKUP_NAME_REPORT = sample
  .replaceAll('2021年', '2023年')
  .replace('南关区民政局政府信息公开', '南关区<b>民政局</b>政府信息公开');

export const EXTRA_REPORTS: Record<string, string> = {
  '2022-南关区民政局.txt': HOSTILE_REPORT,
  '2023-南关区民政局.txt': MARKUP_NAME_REPORT,
  '会议纪要.txt': '会议纪要\n\n研究部署社区环境整治工作。\n',
  '2022-某局.pdf': '%PDF-1.4',
  // Files the portal does not read: never published under its address (an XHTML page would run there).
  '2022-某局.xml': '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert("xml")</script></body></html>',
  'credentials.env': 'API_TOKEN=not-for-publication\n',
};

/** A copy of reports/ at `folder`, with extra files added. */
export async function copyReports(folder: string, extra: Record<string, string> = {}): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (const name of await readdir('reports')) await copyFile(join('reports', name), join(folder, name));
  for (const [name, text] of Object.entries(extra)) await writeFile(join(folder, name), text);
  return folder;
}
