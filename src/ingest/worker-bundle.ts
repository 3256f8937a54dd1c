/**
 * The parser's worker compiled ahead of time: one bundle per version of the code, made by esbuild
 * the first time a pool needs it and kept beside the ingest cache.
 *
 *   .cache/worker/<code fingerprint>/worker.mjs (and its chunks)
 *
 * Why: on Node 20 a worker thread does not inherit tsx's loader. Run from the TypeScript sources,
 * each worker registers tsx again and loads ~150 modules through its hooks: ~0.95 s before it can
 * parse, most of a build that parses one file. From the bundle it is ready in ~0.3 s.
 *
 * The bundle holds our code and the packages it imports, split at the dynamic imports so that
 * the Word, PDF and Markdown readers are still loaded only when such a file comes. pdfjs-dist
 * stays outside: it finds its own files (fonts, its worker) beside its package.
 *
 * The code fingerprint (cache.ts) covers every source file the worker runs and package-lock.json,
 * so a bundle is never older than its code. It is written to a folder of its own and renamed into
 * place, so a reader sees a whole bundle or none. Where it cannot be made (no esbuild binary, a
 * read-only project), the pool runs the TypeScript sources through tsx as before: slower, the same
 * records.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { bundleOptions, loadEsbuild, placeBundle, removeStaleBundles } from '../bundle/code-bundle.mjs';
import { codeFingerprint, PROJECT_ROOT } from './cache.ts';

/** Where the bundles are, one folder per version of the code. */
const BUNDLES = join(PROJECT_ROOT, '.cache', 'worker');

let made: URL | null | undefined;

/**
 * The bundled worker's entry module for this version of the code, made if there is none; null
 * where it cannot be made (the pool then runs ./worker.ts through tsx).
 */
export function bundledWorker(): URL | null {
  if (made !== undefined) return made;
  made = null;
  try {
    const folder = join(BUNDLES, codeFingerprint());
    // pdfjs-dist stays outside: it finds its own files (fonts, its worker) beside its package.
    const options = bundleOptions('', { worker: join(import.meta.dirname, 'worker.ts') }, ['pdfjs-dist']) as BuildOptions;
    placeBundle(folder, (outdir: string) => (loadEsbuild() as typeof import('esbuild')).buildSync({ ...options, outdir }));
    made = pathToFileURL(join(folder, 'worker.mjs'));
    removeStaleBundles(folder);
  } catch {
    // No bundle: the sources through tsx.
  }
  return made;
}
