/**
 * The worker's side of the pool (see worker-pool.ts): once its parser is loaded the worker says
 * it is ready, then parses each file it is sent, stores the outcome in the ingest cache and sends
 * it back at once. A record holds strings cut from its file's text, which V8 keeps as slices of
 * the whole text: sent at once, the record is copied and the worker keeps nothing.
 *
 * The pool sends one file at a time, so the file a worker was parsing when it stopped (its time
 * was up, its heap full, it crashed) is always known.
 */
import { parentPort } from 'node:worker_threads';
import { IngestCache } from './cache.ts';
import type { IngestTask, ParseOutcome } from './ingest-file.ts';

/** What the pool sends: a file to parse, and the cache's folder for this code (null: off). */
export interface FileRequest {
  task: IngestTask;
  cacheFolder: string | null;
}

/** What a worker sends: that it is ready for files, then each file's outcome. */
export type WorkerReply = { ready: true } | { outcome: ParseOutcome };

/** Parses one file; the real one is ingestFile, a test's worker may wrap it. */
export type ParseFile = (task: IngestTask) => Promise<ParseOutcome>;

const caches = new Map<string | null, IngestCache>();

/** Parses a file and stores its outcome in the cache (when the task has a key). */
export async function parseAndStore(parse: ParseFile, { task, cacheFolder }: FileRequest): Promise<ParseOutcome> {
  const outcome = await parse(task);
  if (task.key) {
    const cache = caches.get(cacheFolder) ?? new IngestCache({ folder: cacheFolder });
    caches.set(cacheFolder, cache);
    cache.set(task.key, outcome);
  }
  return outcome;
}

/** Serves the pool from this worker thread with `parse`, which must already be loaded. */
export function serveFiles(parse: ParseFile): void {
  const port = parentPort;
  if (!port) throw new Error('serveFiles runs in a worker thread of the ingest pool');
  const send = (reply: WorkerReply) => port.postMessage(reply);
  port.on('message', (request: FileRequest) => {
    void parseAndStore(parse, request).then((outcome) => send({ outcome }));
  });
  send({ ready: true });
}
