/**
 * Front end for old Word and WPS files (.doc, .wps, .rtf): LibreOffice in headless mode converts
 * the file to .docx, then the Word front end reads it. Each conversion runs in a fresh folder
 * with a profile of its own, so that conversions in parallel ingest workers do not meet, and is
 * stopped after two minutes. LibreOffice runs no macros when it converts a file.
 *
 * Without LibreOffice the file is refused with a message that says how to install it or how to
 * save the file as .docx.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReportError } from '../diagnostics/report-error.ts';
import { docxToMdast } from './docx-to-mdast.ts';
import type { FrontEndResult } from './front-end.ts';

export type LegacyWordFormat = 'doc' | 'wps' | 'rtf';

const TIMEOUT_MS = 120_000;
const NAMES: Record<LegacyWordFormat, string> = { doc: '旧版 Word（.doc）', wps: 'WPS（.wps）', rtf: 'RTF（.rtf）' };

/** The LibreOffice program: GONGKAI_SOFFICE, or soffice on the PATH. */
function soffice(): string {
  return process.env['GONGKAI_SOFFICE'] ?? 'soffice';
}

function run(program: string, args: string[]): Promise<{ code: number | null; missing: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException).code === 'ENOENT' ? null : typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT', stderr: String(stderr) });
    });
  });
}

export async function legacyWordToMdast(bytes: Uint8Array, format: LegacyWordFormat): Promise<FrontEndResult> {
  const work = await mkdtemp(join(tmpdir(), 'gongkai-convert-'));
  try {
    const input = join(work, `report.${format}`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(work, 'profile')).href;
    const result = await run(soffice(), [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      join(work, 'out'),
      input,
    ]);
    if (result.missing) {
      throw new ReportError(
        'converter-missing',
        `读取${NAMES[format]}文件需要 LibreOffice，本机未安装：请安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或用 Word、WPS 将文件另存为 .docx 后放入 reports/`,
      );
    }
    const produced = (await readdir(join(work, 'out')).catch(() => [] as string[])).find((name) => name.endsWith('.docx'));
    if (result.code !== 0 || !produced) {
      throw new ReportError(
        'unreadable-word',
        `LibreOffice 无法转换这个${NAMES[format]}文件${result.code === -1 ? '（超时或出错）' : ''}：文件可能已损坏，或不是${NAMES[format]}文件。请用 Word 或 WPS 打开并另存为 .docx`,
      );
    }
    const docx = await readFile(join(work, 'out', produced));
    return await docxToMdast(docx);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
