/**
 * Reading a report file: its bytes, its format (from the file name) and a checksum. This is the
 * only step that touches the file system; everything after it works on bytes and trees.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReportError } from '../diagnostics/report-error.ts';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'doc' | 'wps' | 'rtf';

/** File extensions each front end reads. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.doc': 'doc',
  '.wps': 'wps',
  '.rtf': 'rtf',
};

/** What to do with the formats editors most often receive that cannot be read. */
const ADVICE: Readonly<Record<string, string>> = {
  '.jpg': '图片无法读取，请使用机构发布的网页或 Word 版本',
  '.jpeg': '图片无法读取，请使用机构发布的网页或 Word 版本',
  '.png': '图片无法读取，请使用机构发布的网页或 Word 版本',
};

export interface SourceFile {
  /** The path as given (reports/… when run from the project). */
  path: string;
  bytes: Uint8Array;
  format: SourceFormat;
  sha256: string;
}

export function detectFormat(path: string): SourceFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    const accepted = Object.keys(FORMAT_BY_EXTENSION).join('、');
    const advice = ADVICE[extension];
    throw new ReportError(
      'unsupported-format',
      `不支持的文件格式“${extension || '（无扩展名）'}”：可接受的格式为 ${accepted}${advice ? `。${advice}` : ''}`,
    );
  }
  return format;
}

/**
 * The largest file of each kind that is read. A saved report page is 100–300 KB and a report's
 * text 10–50 KB; a Word file or a PDF with pictures some MB. A file far beyond these is no
 * report (or an attack on the build) and is refused before it costs gigabytes of memory.
 */
export const SIZE_LIMITS: Readonly<Record<'text' | 'binary', number>> = {
  text: 8 * 1024 * 1024,
  binary: 40 * 1024 * 1024,
};
const TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set(['text', 'markdown', 'html']);

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function sourceFromBytes(path: string, bytes: Uint8Array): SourceFile {
  const format = detectFormat(path);
  const limit = SIZE_LIMITS[TEXT_FORMATS.has(format) ? 'text' : 'binary'];
  if (bytes.length > limit) {
    throw new ReportError(
      'file-too-large',
      `文件过大（${megabytes(bytes.length)}）：这种格式的年度报告不超过 ${megabytes(limit)}，此文件不像是一份报告，未读取`,
    );
  }
  return {
    path,
    bytes,
    format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export async function readReport(path: string): Promise<SourceFile> {
  detectFormat(path); // refuse an unsupported format before reading the file
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new ReportError('unreadable-file', `无法读取文件（${code}）：应为一个可读的报告文件`);
  }
  return sourceFromBytes(path, bytes);
}
