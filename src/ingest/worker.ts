/**
 * A worker of the pool (see worker-pool.ts): parses the files it is given, in order, and sends
 * back what became of each as soon as it is known, then `done`. A record holds strings cut from
 * its file's text, which V8 keeps as slices of the whole text: sent at once, the record is copied
 * and the worker keeps nothing, where holding every record until the end held every file's text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTasks, type WorkerJob, type WorkerMessage } from './worker-pool.ts';

const send = (message: WorkerMessage) => parentPort!.postMessage(message);
await parseTasks(workerData as WorkerJob, (outcome) => send({ outcome }));
send({ done: true });
