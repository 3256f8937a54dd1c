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
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeFingerprint, PROJECT_ROOT } from './cache.ts';

/** Where the bundles are, one folder per version of the code. */
const BUNDLES = join(PROJECT_ROOT, '.cache', 'worker');

/** A bundle of other code is removed once this old: a process started before may still load its chunks. */
const STALE_MS = 24 * 60 * 60 * 1000;

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
    const entry = join(folder, 'worker.mjs');
    if (!existsSync(entry)) makeBundle(folder);
    made = pathToFileURL(entry);
    removeStale(folder);
  } catch {
    // No bundle: the sources through tsx.
  }
  return made;
}

/** Bundles ./worker.ts into `folder`, through a folder of its own renamed into place. */
function makeBundle(folder: string): void {
  mkdirSync(BUNDLES, { recursive: true });
  const partial = `${folder}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // Loaded only here: most builds find the bundle made.
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: { worker: join(import.meta.dirname, 'worker.ts') },
      outdir: partial,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['pdfjs-dist'],
      // The CommonJS packages in the bundle require Node's modules: give them a require.
      banner: { js: "import { createRequire as gongkaiRequire } from 'node:module'; const require = gongkaiRequire(import.meta.url);" },
      logLevel: 'silent',
      legalComments: 'none',
    });
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another process made it first: theirs is the same.
      if (!existsSync(join(folder, 'worker.mjs'))) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Removes the bundles of other versions of the code that no process can still be using. */
function removeStale(current: string): void {
  for (const name of readdirSync(BUNDLES)) {
    const path = join(BUNDLES, name);
    if (path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
