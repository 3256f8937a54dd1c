/**
 * Ingesting a folder of reports: every file is parsed on its own (or taken from the cache when
 * neither it nor the parser changed), so a bad file is reported and the others still go through.
 * Then the registry (reports/agencies.yml) names the agencies, duplicates are set aside, and the
 * rules across years run over every record. The result is what the site and the downloads are
 * built from.
 */
import { distinctSlugs } from './distinct-slugs.ts';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSeries } from '../checks/index.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import type { Report } from '../schema/report.ts';
import { REGISTRY_FILE, applyRegistry, inRegistry, loadAgencyRegistry, type AgencyRegistry } from '../registry/agency-registry.ts';
import { IngestCache, cacheKey } from './cache.ts';
import { FileHashes } from './file-hashes.ts';
import type { IngestFailure, ParseOutcome } from './ingest-file.ts';
import { ParsePool, type PoolOptions } from './worker-pool.ts';

export type { IngestFailure } from './ingest-file.ts';

export interface IngestResult {
  reports: Report[];
  failures: IngestFailure[];
  /** Each report as clean Markdown (UTF-8), by report id. */
  markdown: Map<string, Uint8Array>;
  /** How many files came from the cache and how many were parsed, and the names of those parsed. */
  cache: { hits: number; parsed: number; parsedNames: string[] };
}

/** What the messages about a folder need of a report, kept when the records themselves go. */
export interface ReportDigest {
  id: string;
  year: number;
  findings: Report['findings'];
  source: Pick<Report['source'], 'path'>;
  agency: Pick<Report['agency'], 'canonicalName'>;
}

export function digestOf(report: Report): ReportDigest {
  return {
    id: report.id,
    year: report.year,
    findings: report.findings,
    source: { path: report.source.path },
    agency: { canonicalName: report.agency.canonicalName },
  };
}

/** What a build tells about its ingest once the records are written and let go. */
export interface IngestOutcome {
  reports: readonly ReportDigest[];
  failures: IngestFailure[];
  cache: IngestResult['cache'];
}

export interface IngestOptions {
  /** The cache's folder; null (the default) parses every file. */
  cache?: string | null;
  /** How the files are parsed: the limits, the workers (see worker-pool.ts); by default from the environment. */
  pool?: Omit<PoolOptions, 'cacheRoot'>;
}

/** Files in `folder` that editors put there as reports: not hidden files, not notes. */
export async function listReportFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() && !entry.name.startsWith('.') && !/^README/i.test(entry.name) && entry.name !== REGISTRY_FILE,
    )
    .map((entry) => entry.name)
    .sort();
}

/** A file's SHA-256, from `hashes` where it is unchanged, else read; undefined if it cannot be read. */
async function fileSha256(path: string, name: string, hashes: FileHashes): Promise<string | undefined> {
  try {
    const stats = await stat(path);
    const known = hashes.known(name, stats);
    if (known) return known;
    const readAt = Date.now();
    const bytes = await readFile(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Remembered only if the file did not change while it was read.
    const after = await stat(path);
    if (after.mtimeMs === stats.mtimeMs && after.size === bytes.length) hashes.remember(name, stats, sha256, readAt);
    return sha256;
  } catch {
    return undefined;
  }
}

/** Files read at once to make their cache keys. */
const READ_BATCH = 32;

/**
 * Every file's outcome: from the cache where it holds one, else parsed in the worker pool, each
 * file under its time and memory limits (on every core). With the cache on, each file is read
 * here to make its key (unless file-hashes.ts remembers it); without it, only the workers read
 * the files.
 *
 * The files without an entry go to the pool first, as their keys are made, and the entries of
 * the others are read after: a rebuild's worker starts and parses the new file while the main
 * thread reads the thousand records it already has, rather than after (0.3 s at 1,000 reports).
 */
async function outcomes(folder: string, names: string[], cacheRoot: string | null, pool: IngestOptions['pool']): Promise<{ outcomes: ParseOutcome[]; parsedNames: string[] }> {
  const cache = new IngestCache(cacheRoot);
  cache.prepare();
  const stored = cache.keys();
  const hashes = new FileHashes(cache.folder);
  // A worker starts with the first file to parse, while the other files are still being read.
  const parsing = new ParsePool({ ...pool, cacheRoot });
  const found: Array<ParseOutcome | Promise<ParseOutcome>> = [];
  const parsed = new Set<number>();
  const parse = (n: number, key: string | null): Promise<ParseOutcome> => {
    parsed.add(n);
    const outcome = parsing.parse({ name: names[n]!, file: join(folder, names[n]!), key });
    // Awaited with the others at the end; a pool that cannot start rejects there, not as an
    // unhandled rejection while the other files are still being read.
    outcome.catch(() => undefined);
    return outcome;
  };
  const toRead: Array<{ n: number; key: string }> = [];
  try {
    // The files are read a batch at a time: one by one, each read waits for the one before.
    for (let start = 0; start < names.length; start += READ_BATCH) {
      const batch = names.slice(start, start + READ_BATCH);
      // Each file's SHA-256: remembered where the file is as it was (file-hashes.ts), else read.
      // A file that cannot be read is left to the worker, which says why.
      const sha256s = cache.folder ? await Promise.all(batch.map((name) => fileSha256(join(folder, name), name, hashes))) : [];
      for (const [offset, name] of batch.entries()) {
        const sha256 = sha256s[offset];
        const key = sha256 ? cacheKey(name, sha256) : null;
        if (key && stored.has(key)) toRead.push({ n: start + offset, key });
        else found[start + offset] = parse(start + offset, key);
      }
    }
    // An entry that fails its checksum is parsed again. The event loop turns between batches, so
    // that a worker done with one file is given the next one without waiting for all the reads.
    for (const [i, { n, key }] of toRead.entries()) {
      if (i > 0 && i % READ_BATCH === 0) await new Promise(setImmediate);
      found[n] = cache.get(key) ?? parse(n, key);
    }
  } finally {
    await parsing.close();
  }
  hashes.save();
  return { outcomes: await Promise.all(found), parsedNames: names.filter((_, n) => parsed.has(n)) };
}

export async function ingestFolder(folder: string, options: IngestOptions = {}): Promise<IngestResult> {
  const names = await listReportFiles(folder);
  const { outcomes: all, parsedNames } = await outcomes(folder, names, options.cache ?? null, options.pool);
  const result: IngestResult = {
    reports: [],
    failures: [],
    markdown: new Map(),
    cache: { hits: names.length - parsedNames.length, parsed: parsedNames.length, parsedNames },
  };
  let registry: AgencyRegistry = new Map();
  try {
    registry = loadAgencyRegistry(join(folder, REGISTRY_FILE));
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    result.failures.push({ path: REGISTRY_FILE, rule: error.rule, message: `${error.message}；本次按各报告所载名称发布`, line: error.line, column: error.column });
  }
  const read: Array<{ report: Report; markdown: Uint8Array; path: string }> = [];
  for (const outcome of all) {
    if ('failure' in outcome) result.failures.push(outcome.failure);
    else read.push({ report: applyRegistry(outcome.report, registry), markdown: outcome.markdown, path: outcome.path });
  }
  const distinct = distinctSlugs(read.map((entry) => entry.report), (report) => inRegistry(report, registry));
  const byId = new Map<string, Report>();
  for (const [n, outcome] of read.entries()) {
    const report = distinct[n]!;
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

