/**
 * A worker for test/file-limits.test.ts that misbehaves on purpose, by the file's name: it loops
 * for ever (`hangs`), backtracks for ever in a regular expression (`backtracks`), fills its heap
 * (`fills-memory`), exits (`exits`) or throws outside any promise (`throws`); it answers a file
 * named `thread` with the id of its thread, as a failure's message. Every other file goes
 * through the real parser, as in src/ingest/worker.ts.
 */
import { threadId } from 'node:worker_threads';
import { ingestFile } from '../src/ingest/ingest-file.ts';
import { serveFiles } from '../src/ingest/serve-files.ts';

serveFiles(async (task) => {
  if (task.name.includes('hangs')) for (;;);
  if (task.name.includes('backtracks')) /^(a+)+$/.test(`${'a'.repeat(64)}!`);
  if (task.name.includes('fills-memory')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(100_000).fill(hoard.length));
  }
  if (task.name.includes('exits')) process.exit(3);
  if (task.name.includes('throws')) {
    return new Promise(() => {
      setImmediate(() => {
        throw new Error('thrown outside the parser');
      });
    });
  }
  if (task.name.includes('thread')) return { path: task.name, failure: { path: task.name, rule: 'thread', message: String(threadId), line: null, column: null } };
  return ingestFile(task);
});
