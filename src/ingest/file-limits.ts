/**
 * The limits each file is parsed under (issue 13): a file made to hang the parser (an endless
 * loop, a regular expression that backtracks for ever) or to exhaust its memory is stopped, and
 * costs only itself. Each file is parsed in a worker thread whose heap is capped; a file still
 * being parsed when its time is up has its worker terminated. Either way the file is listed with
 * the limit that stopped it, and the other files go on.
 *
 *   GONGKAI_FILE_TIME_LIMIT_S   seconds of wall time per file (120 by default)
 *   GONGKAI_FILE_MEMORY_MB      a worker's old-generation heap, in MB (1024 by default)
 *
 * The defaults are generous: a real report parses in well under a second and a few tens of MB,
 * and the time is wall time, which a loaded machine stretches. A failure from a limit is never
 * stored in the ingest cache: the next build tries the file again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IngestFailure, IngestTask } from './ingest-file.ts';

export interface FileLimits {
  /** Wall time allowed to parse one file, in seconds. */
  timeSeconds: number;
  /** A worker's old-generation heap, in MB (V8's `maxOldGenerationSizeMb`). */
  memoryMb: number;
}

export const DEFAULT_LIMITS: FileLimits = { timeSeconds: 120, memoryMb: 1024 };

const VARIABLES = { timeSeconds: 'GONGKAI_FILE_TIME_LIMIT_S', memoryMb: 'GONGKAI_FILE_MEMORY_MB' } as const;

/** The limits the environment sets; a value that is not a positive number is named on stderr and the default used. */
export function limitsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): FileLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of ['timeSeconds', 'memoryMb'] as const) {
    const text = environment[VARIABLES[key]];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (Number.isFinite(value) && value > 0) limits[key] = value;
    else process.stderr.write(`${VARIABLES[key]}=${text} is not a positive number: using ${DEFAULT_LIMITS[key]}\n`);
  }
  return limits;
}

/** Why a worker stopped before it returned a file's outcome. */
export type Stop = { limit: 'time' } | { limit: 'memory' } | { limit: 'crash'; detail: string };

const AGAIN = '其余文件不受影响；此结果不存入缓存，下次构建会重新解析';

function ruleAndMessage(stop: Stop, limits: FileLimits): Pick<IngestFailure, 'rule' | 'message'> {
  switch (stop.limit) {
    case 'time':
      return {
        rule: 'file-time-limit',
        message: `解析此文件超过 ${limits.timeSeconds} 秒，已停止：文件可能使解析器陷入无休止的运算，或本机负载过高。${AGAIN}。如确是正常的年度报告，可用环境变量 GONGKAI_FILE_TIME_LIMIT_S 放宽时限`,
      };
    case 'memory':
      return {
        rule: 'file-memory-limit',
        message: `解析此文件所需内存超过 ${limits.memoryMb} MB，已停止：文件可能被构造得耗尽内存。${AGAIN}。如确是正常的年度报告，可用环境变量 GONGKAI_FILE_MEMORY_MB 放宽限制`,
      };
    case 'crash':
      return {
        rule: 'worker-crashed',
        message: `解析此文件的工作线程意外退出（${stop.detail}），已停止：${AGAIN}。如反复出现，请报告（可能是程序缺陷）`,
      };
  }
}

/** The failure of a file whose worker was stopped, with the file's SHA-256 and size where it can be read. */
export async function stoppedFailure(task: Pick<IngestTask, 'name' | 'file'>, stop: Stop, limits: FileLimits): Promise<IngestFailure> {
  const bytes = await readFile(task.file).catch(() => undefined);
  return {
    path: task.name,
    ...ruleAndMessage(stop, limits),
    line: null,
    column: null,
    ...(bytes ? { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length } : {}),
  };
}
