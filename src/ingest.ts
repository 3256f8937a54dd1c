/**
 * Ingesting a folder of reports: every file is parsed on its own, so a bad file is reported and
 * the others still go through. The result is what the site and the downloads are built from.
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { treeToMarkdown } from './publish/report-markdown.ts';
import { analyseSource } from './parse-report.ts';
import { readReport } from './read/read-report.ts';
import { checkSeries } from './checks/index.ts';
import { ReportError } from './diagnostics/report-error.ts';
import type { Finding, Report } from './schema/report.ts';
import { REGISTRY_FILE, applyRegistry, loadAgencyRegistry, type AgencyRegistry } from './registry/agency-registry.ts';

export interface IngestFailure {
  path: string;
  /** Where the original is published, under data/ (set when ingest writes it). */
  download?: string;
  rule: string;
  message: string;
  line: number | null;
  column: number | null;
}

export interface IngestResult {
  reports: Report[];
  failures: IngestFailure[];
  /** Each report as clean Markdown, by report id. */
  markdown: Map<string, string>;
}

/** Files in `folder` that editors put there as reports: not hidden files, not notes. */
export async function listReportFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() && !entry.name.startsWith('.') && !/^README/i.test(entry.name) && entry.name !== REGISTRY_FILE,
    )
    .map((entry) => join(folder, entry.name))
    .sort();
}

/** What became of one file: its record and its Markdown, or why it could not be read. */
export type FileOutcome = { path: string; report: Report; markdown: string } | { path: string; failure: IngestFailure };

/** Parses one file; never throws for a problem in the file. */
export async function ingestFile(path: string): Promise<FileOutcome> {
  try {
    const { report, frontEnd } = await analyseSource(await readReport(path));
    return { path, report, markdown: treeToMarkdown(frontEnd.tree, report) };
  } catch (error) {
    if (error instanceof ReportError) {
      return { path, failure: { path, rule: error.rule, message: error.message, line: error.line, column: error.column } };
    }
    // A bug in Gongkai: the file is listed, the stack goes to stderr, the other files go on.
    process.stderr.write(`${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return {
      path,
      failure: {
        path,
        rule: 'internal-error',
        message: 'Gongkai 读取此文件时出错（程序缺陷，请报告）：其余文件不受影响',
        line: null,
        column: null,
      },
    };
  }
}

/** Below this many files, workers cost more to start than they save. */
const PARALLEL_FROM = 16;

/** Parses the files on every core: each worker takes every n-th file; the results keep the files' order. */
async function ingestInWorkers(paths: string[]): Promise<FileOutcome[]> {
  // GONGKAI_WORKERS sets how many (1: no workers); by default one per core.
  const cores = Number(process.env['GONGKAI_WORKERS'] ?? availableParallelism());
  const count = Math.min(cores, Math.ceil(paths.length / PARALLEL_FROM));
  if (count < 2) return sequential(paths);
  const shares = Array.from({ length: count }, (_, worker) => paths.filter((_, index) => index % count === worker));
  try {
    const results = await Promise.all(
      shares.map(
        (share) =>
          new Promise<FileOutcome[]>((done, fail) => {
            const worker = new Worker(new URL('./ingest-worker.mjs', import.meta.url), { workerData: share });
            worker.once('message', done);
            worker.once('error', fail);
            worker.once('exit', (code) => code !== 0 && fail(new Error(`ingest worker exited with ${code}`)));
          }),
      ),
    );
    return paths.map((_, index) => results[index % count]![Math.floor(index / count)]!);
  } catch {
    // Where workers cannot run (a loader that does not carry over to them), one core does it all.
    return sequential(paths);
  }
}

async function sequential(paths: string[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const path of paths) outcomes.push(await ingestFile(path));
  return outcomes;
}

export async function ingestFolder(folder: string): Promise<IngestResult> {
  const result: IngestResult = { reports: [], failures: [], markdown: new Map() };
  let registry: AgencyRegistry = new Map();
  const registryPath = join(folder, REGISTRY_FILE);
  try {
    registry = loadAgencyRegistry(registryPath);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    result.failures.push({ path: registryPath, rule: error.rule, message: `${error.message}；本次按各报告所载名称发布`, line: error.line, column: error.column });
  }
  const byId = new Map<string, Report>();
  for (const outcome of await ingestInWorkers(await listReportFiles(folder))) {
    if ('failure' in outcome) {
      result.failures.push(outcome.failure);
      continue;
    }
    const report = applyRegistry(outcome.report, registry);
    const clash = byId.get(report.id);
    if (clash) {
      result.failures.push({
        path: outcome.path,
        rule: 'duplicate-report',
        message: `与 ${clash.source.path} 是同一机构（${report.agency.name}）同一年度（${report.year}）的报告：只发布先读到的一份`,
        line: null,
        column: null,
      });
      continue;
    }
    byId.set(report.id, report);
    result.reports.push(report);
    result.markdown.set(report.id, outcome.markdown);
  }
  result.reports = checkSeries(result.reports);
  return result;
}

export function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
