/**
 * A worker of the pool (see worker-pool.ts): parses the files it is given, in order, and sends
 * back what became of each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTasks, type WorkerJob } from './worker-pool.ts';

parentPort!.postMessage(await parseTasks(workerData as WorkerJob));
