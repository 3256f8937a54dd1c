/**
 * Ingesting a folder of reports: every file is parsed on its own, so a bad file is reported and
 * the others still go through. The result is what the site and the downloads are built from.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'mdast';
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
  /** Each report's tree, by report id (for the Markdown export). */
  trees: Map<string, Root>;
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

export async function ingestFolder(folder: string): Promise<IngestResult> {
  const result: IngestResult = { reports: [], failures: [], trees: new Map() };
  let registry: AgencyRegistry = new Map();
  const registryPath = join(folder, REGISTRY_FILE);
  try {
    registry = loadAgencyRegistry(registryPath);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    result.failures.push({ path: registryPath, rule: error.rule, message: `${error.message}；本次按各报告所载名称发布`, line: error.line, column: error.column });
  }
  const byId = new Map<string, Report>();
  for (const path of await listReportFiles(folder)) {
    try {
      const { report: parsed, frontEnd } = await analyseSource(await readReport(path));
      const report = applyRegistry(parsed, registry);
      const clash = byId.get(report.id);
      if (clash) {
        result.failures.push({
          path,
          rule: 'duplicate-report',
          message: `与 ${clash.source.path} 是同一机构（${report.agency.name}）同一年度（${report.year}）的报告：只发布先读到的一份`,
          line: null,
          column: null,
        });
        continue;
      }
      byId.set(report.id, report);
      result.reports.push(report);
      result.trees.set(report.id, frontEnd.tree);
    } catch (error) {
      if (error instanceof ReportError) {
        result.failures.push({ path, rule: error.rule, message: error.message, line: error.line, column: error.column });
        continue;
      }
      // A bug in Gongkai: the file is listed, the stack goes to stderr, the other files go on.
      process.stderr.write(`${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      result.failures.push({
        path,
        rule: 'internal-error',
        message: 'Gongkai 读取此文件时出错（程序缺陷，请报告）：其余文件不受影响',
        line: null,
        column: null,
      });
    }
  }
  result.reports = checkSeries(result.reports);
  return result;
}

export function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
