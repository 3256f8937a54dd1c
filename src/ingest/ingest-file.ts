/**
 * Parsing one file of the reports folder, never throwing for a problem in the file: the outcome
 * is its record and its Markdown, or why it could not be read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { analyseSource } from '../parse-report.ts';
import { SIZE_LIMITS, sourceFromBytes } from '../read/read-report.ts';
import { treeToMarkdown } from '../publish/report-markdown.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import type { Report } from '../schema/report.ts';

export interface IngestFailure {
  /** The file's path in the reports folder. */
  path: string;
  /** Where the original is published, under data/ (set when ingest writes it; only a format the portal reads). */
  download?: string;
  /** The file's SHA-256 and size, where it could be read: what the status page lists it by. */
  sha256?: string;
  bytes?: number;
  rule: string;
  message: string;
  line: number | null;
  column: number | null;
}

/**
 * What became of one file. `path` is its name in the reports folder, as the record states it;
 * `markdown` is the report as Markdown, in UTF-8: it is only written out and hashed, never read,
 * so it is kept as bytes (decoding a thousand reports' Markdown from the cache took 0.2 s).
 */
export type ParseOutcome = { path: string; report: Report; markdown: Uint8Array } | { path: string; failure: IngestFailure };

const utf8 = new TextEncoder();

/** A file to parse: its name in the reports folder, and where it is on this machine. */
export interface IngestTask {
  name: string;
  file: string;
  /** The cache key of its name and bytes, or null when the cache is off. */
  key: string | null;
}

function failureOf(path: string, error: unknown): IngestFailure {
  if (error instanceof ReportError) {
    return { path, rule: error.rule, message: error.message, line: error.line, column: error.column };
  }
  // A bug in Gongkai: the file is listed, the stack goes to stderr, the other files go on.
  process.stderr.write(`${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return {
    path,
    rule: 'internal-error',
    message: 'Gongkai 读取此文件时出错（程序缺陷，请报告）：其余文件不受影响',
    line: null,
    column: null,
  };
}

/**
 * Parses one file. The record names the file by its path in the reports folder (never by the
 * path on the machine that built it), so the output is the same wherever the project lives.
 */
export async function ingestFile(task: Pick<IngestTask, 'name' | 'file'>): Promise<ParseOutcome> {
  const path = task.name;
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(task.file);
  } catch (error) {
    return { path, failure: failureOf(path, error) };
  }
  try {
    const source = sourceFromBytes(path, bytes);
    const { report, frontEnd } = await analyseSource(source);
    return { path, report, markdown: utf8.encode(treeToMarkdown(frontEnd.tree, report)) };
  } catch (error) {
    return { path, failure: { ...failureOf(path, error), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length } };
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  // A file of gigabytes is refused before it is read (sourceFromBytes says why, with the limit).
  const size = await stat(file).then((stats) => stats.size, () => 0);
  const largest = Math.max(...Object.values(SIZE_LIMITS));
  if (size > largest) {
    throw new ReportError('file-too-large', `文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：年度报告不超过 ${largest / 1024 / 1024} MB，此文件未读取`);
  }
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new ReportError('unreadable-file', `无法读取文件（${code}）：应为一个可读的报告文件`);
  }
}
