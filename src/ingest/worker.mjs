// Worker threads do not inherit tsx's loader: register it, then run the worker's TypeScript
// module (./worker.ts, or the one a test gives the pool).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
