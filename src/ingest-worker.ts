/**
 * A worker of `ingestFolder`: parses the files it is given, in order, and sends back what became
 * of each (see ingestFile).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestFile, type FileOutcome } from './ingest.ts';

const outcomes: FileOutcome[] = [];
for (const path of workerData as string[]) outcomes.push(await ingestFile(path));
parentPort!.postMessage(outcomes);
