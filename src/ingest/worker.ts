/**
 * A worker of the ingest pool (see worker-pool.ts and serve-files.ts): loads the parser, then
 * parses the files it is sent, one at a time.
 */
import { ingestFile } from './ingest-file.ts';
import { serveFiles } from './serve-files.ts';

serveFiles(ingestFile);
