/**
 * Parsing files in worker threads, each file where a fault costs only that file (issue 13).
 * Every file is parsed in a worker whose heap is capped, under a time limit (file-limits.ts).
 * Files are handed out one at a time from a queue, so a slow file holds back no other; the
 * outcomes come back in the files' order, so the output is the same whatever the timing.
 *
 * A worker whose time is up is terminated; one that runs out of memory, crashes or exits is gone.
 * Either way the file it was parsing is listed with the limit that stopped it (never stored in
 * the cache) and a fresh worker takes the files left.
 *
 * Workers: one per core, no more than there are files; GONGKAI_WORKERS caps them. A worker runs
 * the parser's bundle (worker-bundle.ts) and is ready in ~0.3 s; from the TypeScript sources it
 * would take ~0.95 s (tsx's loader registered again: on Node 20 a worker does not inherit it).
 * The main thread never loads the parser. `npm run dev` keeps its workers between builds (PoolOptions.keep).
 * GONGKAI_WORKERS=0 parses in this thread, without the limits (for a profiler, or a debugger).
 * Where no worker can start, the ingest stops with an error saying so: the files are not parsed
 * in this thread instead, which would drop the limits without anyone asking for it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { limitsFromEnvironment, stoppedFailure, type FileLimits, type Stop } from './file-limits.ts';
import type { IngestTask, ParseOutcome } from './ingest-file.ts';
import { IngestCache } from './cache.ts';
import { parseAndStore, type FileRequest, type WorkerReply } from './serve-files.ts';
import { bundledWorker } from './worker-bundle.ts';

/** The module a worker runs first where its code is TypeScript: it registers tsx, then runs that module. */
const BOOTSTRAP = new URL('./worker.mjs', import.meta.url);

/** The worker's module that parses with the real parser, as TypeScript (its bundle: worker-bundle.ts). */
const PARSER_WORKER = new URL('./worker.ts', import.meta.url);

export interface PoolOptions {
  /** The cache's root folder, or null when it is off. */
  cacheRoot: string | null;
  /** The limits (by default from the environment: GONGKAI_FILE_TIME_LIMIT_S, GONGKAI_FILE_MEMORY_MB). */
  limits?: FileLimits;
  /** How many workers at most (by default GONGKAI_WORKERS, else the cores); 0 parses in this thread. */
  workers?: number;
  /** The module a worker runs (for tests: one that hangs or fills its heap on purpose); it calls serveFiles. */
  workerModule?: URL;
  /**
   * Whether the workers stay, their parser loaded, for the next pool of this process; one is
   * started with the first pool even if it has no file to parse (npm run dev).
   */
  keep?: boolean;
}

/** What became of a file sent to a worker: its outcome, or why the worker stopped. */
type Ending = { outcome: ParseOutcome } | { stop: Stop };

/** One worker thread and the file it is parsing. */
class FileWorker {
  private readonly worker: Worker;
  private readonly memoryMb: number;
  private error: unknown;
  private exited = false;
  private settle: ((ending: Ending) => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Resolves true when the worker is ready for files, false when it died first. */
  readonly ready: Promise<boolean>;

  constructor(module: URL, memoryMb: number) {
    this.memoryMb = memoryMb;
    const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
    // A bundle is JavaScript and runs as it is; TypeScript goes through tsx's loader.
    this.worker = module.pathname.endsWith('.ts')
      ? new Worker(BOOTSTRAP, { workerData: { module: module.href }, resourceLimits })
      : new Worker(module, { resourceLimits });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) resolve(true);
        else this.end({ outcome: reply.outcome });
      });
      this.worker.on('error', (error) => (this.error = error));
      this.worker.once('exit', (code) => {
        this.exited = true;
        resolve(false);
        this.end({ stop: this.stopOf(code) });
      });
    });
  }

  /** Why the worker exited: its heap was full, or it crashed (an uncaught error, an exit). */
  private stopOf(code: number): Stop {
    const error = this.error as NodeJS.ErrnoException | undefined;
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') return { limit: 'memory' };
    return { limit: 'crash', detail: error ? `${error.name}: ${error.message}` : `退出码 ${code}` };
  }

  /** Whether the thread still runs (a kept worker may have been stopped meanwhile). */
  get alive(): boolean {
    return !this.exited;
  }

  /** What the worker could not start for, in English for stderr. */
  startError(): string {
    if ((this.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return `a heap of ${this.memoryMb} MB (GONGKAI_FILE_MEMORY_MB) does not hold the parser`;
    }
    return this.error instanceof Error ? this.error.message : 'the worker exited before it was ready';
  }

  private end(ending: Ending): void {
    clearTimeout(this.timer);
    const settle = this.settle;
    this.settle = undefined;
    settle?.(ending);
  }

  /** Parses one file, or stops the worker when its time is up. */
  parse(request: FileRequest, seconds: number): Promise<Ending> {
    return new Promise((resolve) => {
      this.settle = resolve;
      this.timer = setTimeout(() => {
        this.end({ stop: { limit: 'time' } });
        this.stop();
      }, seconds * 1000);
      this.worker.postMessage(request);
    });
  }

  /** Lets the process end while the worker waits for a next pool (busy() again when it works). */
  idle(): this {
    this.worker.unref();
    return this;
  }

  busy(): this {
    this.worker.ref();
    return this;
  }

  /** Ends the thread, not waiting for it: a thread stuck outside JavaScript must not hold the build. */
  stop(): void {
    this.worker.unref();
    void this.worker.terminate();
  }
}

/** How many workers: GONGKAI_WORKERS, else one per core. */
function workerCount(): number {
  const variable = process.env['GONGKAI_WORKERS'];
  const count = variable === undefined || variable.trim() === '' ? NaN : Number(variable);
  return Number.isInteger(count) && count >= 0 ? count : availableParallelism();
}

/** Workers kept between runs (PoolOptions.keep), their parser loaded, by module and heap. */
const kept = new Map<string, FileWorker[]>();

/** A file waiting for a worker, and where its outcome goes. */
interface Job {
  task: IngestTask;
  done: (outcome: ParseOutcome) => void;
  fail: (error: Error) => void;
}

/**
 * The pool of one ingest. Files are added as they are found (a build that reads a thousand files
 * to find the one that changed starts its worker at once, while it reads the rest); a worker is
 * started for each file added while fewer than the cap work, so never more workers than files.
 */
export class ParsePool {
  /** The cache's folder for this code (worker threads may run a bundle, away from the sources). */
  private readonly cacheFolder: string | null;
  private readonly limits: FileLimits;
  private module: URL;
  /** Whether the workers run the parser's bundle (if it does not start, its sources are run instead). */
  private bundled: boolean;
  private readonly cap: number;
  private readonly keep: boolean;
  private readonly key: string;
  private readonly queue: Job[] = [];
  /** Workers ready and free, waiting for files. */
  private readonly spare: FileWorker[];
  /** Lanes at work, counted as each starts and ends (in the same tick as it finds no file left). */
  private working = 0;
  private readonly lanes = new Set<Promise<void>>();
  private readonly startErrors: string[] = [];
  /** The last file parsed in this thread, where the workers are 0. */
  private here: Promise<unknown> = Promise.resolve();

  constructor(options: PoolOptions) {
    this.cacheFolder = new IngestCache(options.cacheRoot).folder;
    this.limits = options.limits ?? limitsFromEnvironment();
    this.cap = options.workers ?? workerCount();
    // The parser's worker from its bundle (made the first time this code runs), else its sources.
    const bundle = options.workerModule || this.cap === 0 ? null : bundledWorker();
    this.bundled = bundle !== null;
    this.module = options.workerModule ?? bundle ?? PARSER_WORKER;
    this.keep = options.keep ?? false;
    this.key = `${this.module.href} ${this.limits.memoryMb}`;
    this.spare = kept.get(this.key)?.splice(0) ?? [];
    // Kept workers are started with the first ingest, while it reads the files and the cache.
    if (this.keep && this.cap > 0 && this.spare.length === 0) this.spare.push(new FileWorker(this.module, this.limits.memoryMb).idle());
  }

  /** The outcome of one file; it rejects only where no worker can start. */
  parse(task: IngestTask): Promise<ParseOutcome> {
    const outcome = this.cap === 0 ? this.parseHere(task) : new Promise<ParseOutcome>((done, fail) => this.queue.push({ task, done, fail }));
    // Awaited later, in the files' order: a rejection before then is no unhandled one.
    outcome.catch(() => undefined);
    if (this.cap > 0 && this.working < this.cap) this.startLane();
    return outcome;
  }

  /** Parses in this thread (GONGKAI_WORKERS=0), one file after the other: no limit holds here. */
  private parseHere(task: IngestTask): Promise<ParseOutcome> {
    const outcome = this.here.then(async () => {
      // The parser is loaded only when a file is to be parsed here.
      const { ingestFile } = await import('./ingest-file.ts');
      // A copy, as a worker's outcome is: the record itself would keep its file's whole text alive.
      return structuredClone(await parseAndStore(ingestFile, { task, cacheFolder: this.cacheFolder }));
    });
    this.here = outcome.catch(() => undefined);
    return outcome;
  }

  private startLane(): void {
    this.working += 1;
    const lane = this.lane().finally(() => this.lanes.delete(lane));
    this.lanes.add(lane);
  }

  /**
   * Keeps one worker busy: it takes the next file as soon as its worker is free, and starts a
   * fresh worker after one was stopped. A worker that cannot start ends its lane; when no lane is
   * left, the files waiting are failed with the reason.
   */
  private async lane(): Promise<void> {
    let worker: FileWorker | undefined;
    while (this.queue.length > 0) {
      if (!worker) {
        // A kept worker waits unref'd: ref'd again, it keeps the process alive while it is awaited.
        const spare = this.spare.pop()?.busy();
        const candidate = spare ?? new FileWorker(this.module, this.limits.memoryMb);
        // A kept worker may still be loading the parser, or have died meanwhile: then the next.
        if ((await candidate.ready) && candidate.alive) worker = candidate;
        else if (!spare && this.bundled) {
          // A bundle that does not start (a chunk removed by hand?): the sources through tsx.
          this.module = PARSER_WORKER;
          this.bundled = false;
        } else if (!spare) {
          this.startErrors.push(candidate.startError());
          this.working -= 1;
          if (this.working === 0) this.failWaiting();
          return;
        }
        continue;
      }
      const job = this.queue.shift()!;
      const ending = await worker.parse({ task: job.task, cacheFolder: this.cacheFolder }, this.limits.timeSeconds);
      if ('outcome' in ending) {
        job.done(ending.outcome);
      } else {
        job.done({ path: job.task.name, failure: await stoppedFailure(job.task, ending.stop, this.limits) });
        worker.stop();
        worker = undefined;
      }
    }
    this.working -= 1;
    if (worker) this.spare.push(worker);
  }

  private failWaiting(): void {
    // Not parsed in this thread instead: that would drop the limits without anyone asking for it.
    const error = new Error(
      `ingest workers could not start (${[...new Set(this.startErrors)].join('; ')}); ` +
        `GONGKAI_WORKERS=0 parses in this thread, without the per-file time and memory limits`,
    );
    for (const job of this.queue.splice(0)) job.fail(error);
  }

  /** Waits for every file added, then stops the workers, or keeps them for the next pool. */
  async close(): Promise<void> {
    await this.here;
    while (this.lanes.size > 0) await Promise.all(this.lanes);
    const workers = this.spare.splice(0).filter((worker) => worker.alive);
    if (this.keep) {
      // One worker at least waits for the next build (started anew where every one was stopped):
      // the editor's next saved file is then parsed at once.
      if (workers.length === 0 && this.cap > 0) workers.push(new FileWorker(this.module, this.limits.memoryMb));
      for (const worker of workers) worker.idle();
      kept.set(this.key, [...(kept.get(this.key) ?? []), ...workers]);
    } else {
      for (const worker of workers) worker.stop();
    }
  }
}

/** Every task's outcome, in the tasks' order (see ParsePool). */
export async function parseInWorkers(tasks: readonly IngestTask[], options: PoolOptions): Promise<ParseOutcome[]> {
  const pool = new ParsePool(options);
  const outcomes = Promise.all(tasks.map((task) => pool.parse(task)));
  await pool.close();
  return outcomes;
}
