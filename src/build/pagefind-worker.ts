/** A worker of pagefind-parts.ts: indexes the parts it is given with a Pagefind process of its own. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexHere, type PartJob } from './pagefind-parts.ts';

parentPort!.postMessage(await indexHere(workerData as PartJob[]));
