/**
 * Parsing many files on every core: one worker thread per core, each taking every n-th file and
 * storing what it parsed in the cache; the outcomes come back in the files' order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IngestCache } from './cache.ts';
import type { IngestTask, ParseOutcome } from './ingest-file.ts';

/** Below this many files, workers cost more to start than they save. */
const PARALLEL_FROM = 16;

export interface WorkerJob {
  tasks: IngestTask[];
  /** The cache's root folder, or null when it is off. */
  cacheRoot: string | null;
}

/** What a worker sends: each task's outcome in order, then that it is done. */
export type WorkerMessage = { outcome: ParseOutcome } | { done: true };

/** Parses the tasks in order in this thread, storing each outcome in the cache and handing it on. */
export async function parseTasks({ tasks, cacheRoot }: WorkerJob, each: (outcome: ParseOutcome) => void): Promise<void> {
  // The parser is loaded when there is something to parse (~0.9 s of modules): a build that takes
  // every file from the cache never loads it.
  const { ingestFile } = await import('./ingest-file.ts');
  const cache = new IngestCache(cacheRoot);
  for (const task of tasks) {
    const outcome = await ingestFile(task);
    if (task.key) cache.set(task.key, outcome);
    each(outcome);
  }
}

/**
 * Parses the tasks in this thread. Each outcome is kept as a copy (see worker.ts): the parsed
 * record itself would keep its file's whole text alive.
 */
async function parseHere(job: WorkerJob): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = [];
  await parseTasks(job, (outcome) => outcomes.push(structuredClone(outcome)));
  return outcomes;
}

export async function parseInWorkers(tasks: IngestTask[], cacheRoot: string | null): Promise<ParseOutcome[]> {
  if (tasks.length === 0) return [];
  // GONGKAI_WORKERS sets how many (1: no workers); by default one per core.
  const cores = Number(process.env['GONGKAI_WORKERS'] ?? availableParallelism());
  const count = Math.min(cores, Math.ceil(tasks.length / PARALLEL_FROM));
  if (count < 2) return parseHere({ tasks, cacheRoot });
  const shares = Array.from({ length: count }, (_, worker) => tasks.filter((_, index) => index % count === worker));
  try {
    const results = await Promise.all(
      shares.map(
        (share) =>
          new Promise<ParseOutcome[]>((done, fail) => {
            const job: WorkerJob = { tasks: share, cacheRoot };
            const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: job });
            const outcomes: ParseOutcome[] = [];
            worker.on('message', (message: WorkerMessage) => {
              if ('done' in message) done(outcomes);
              else outcomes.push(message.outcome);
            });
            worker.once('error', fail);
            worker.once('exit', (code) => code !== 0 && fail(new Error(`ingest worker exited with ${code}`)));
          }),
      ),
    );
    return tasks.map((_, index) => results[index % count]![Math.floor(index / count)]!);
  } catch {
    // Where workers cannot run (a loader that does not carry over to them), one core does it all.
    return parseHere({ tasks, cacheRoot });
  }
}
