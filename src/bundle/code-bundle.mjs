/**
 * The project's TypeScript compiled ahead of time by esbuild into bundles, one folder per version
 * of the code, kept under .cache/. Two kinds use it:
 *
 *   .cache/commands/<fingerprint>/   the commands (build, check, parse …), run by scripts/run.mjs
 *   .cache/worker/<fingerprint>/     the parser's worker thread (src/ingest/worker-bundle.ts)
 *
 * Why: run from the sources, every module (ours and the ~300 of the packages we import) is
 * resolved and loaded through tsx's hooks, which on Node 20 run in a thread of their own and are
 * asked once per module: about 0.7 s before a command does anything, at every run. From a bundle
 * the same code loads in a fraction of that.
 *
 * This module is JavaScript, not TypeScript, because the launcher must load it without tsx.
 *
 * A bundle is written to a folder of its own and renamed into place, so a reader sees a whole
 * bundle or none, and concurrent commands can make it at the same time. Bundles of other versions
 * of the code are removed a day after they were made (a process started before may still load
 * their chunks).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The project's folder. */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** A bundle of other code is removed once this old. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * A SHA-256 (32 hex digits) of the files at `paths` (relative to the project; a folder stands
 * for every file under it) and of `salt`. A path that is not there counts as empty.
 */
export function filesFingerprint(paths, salt = '') {
  const hash = createHash('sha256').update(`${salt}\n`);
  for (const path of paths.flatMap((path) => filesAt(path)).sort()) {
    hash.update(`${path}\n`).update(readFileSync(join(PROJECT_ROOT, path))).update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The files at `path`, relative to the project: itself, or every file under it. */
function filesAt(path) {
  const full = join(PROJECT_ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * The CommonJS packages in a bundle call require() for Node's modules and their own files: an
 * ES module has none, so each chunk is given one.
 */
const REQUIRE_BANNER = "import { createRequire as gongkaiRequire } from 'node:module'; const require = gongkaiRequire(import.meta.url);";

/** Where the packages are: their files are bundled as they are. */
const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * An esbuild plugin that gives each of our source files its own place: `import.meta.dirname`,
 * `filename` and `url` become the source file's, not the bundle's, so that the paths the code
 * builds from them (the templates, the workers' modules, the cache) are what they are when it runs
 * from the sources. The values are declared at the top of each file and esbuild's `define` points
 * the expressions at them (in code only, never inside a string).
 */
export const SOURCE_PLACES = {
  name: 'source-places',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(NODE_MODULES)) return undefined;
      const places =
        `const gongkaiDirname = ${JSON.stringify(dirname(args.path))}, gongkaiFilename = ${JSON.stringify(args.path)}, ` +
        `gongkaiUrl = ${JSON.stringify(pathToFileURL(args.path).href)};\n`;
      return { contents: places + readFileSync(args.path, 'utf8'), loader: args.path.endsWith('ts') ? 'ts' : 'js' };
    });
  },
};
export const SOURCE_PLACES_DEFINE = { 'import.meta.dirname': 'gongkaiDirname', 'import.meta.filename': 'gongkaiFilename', 'import.meta.url': 'gongkaiUrl' };

/**
 * esbuild's options for a bundle of `entryPoints` (name → source path) in `outdir`: ES modules
 * for Node 20, split at the dynamic imports (a module imported only when needed stays so), the
 * `external` packages left to be imported from node_modules.
 */
export function bundleOptions(outdir, entryPoints, external = []) {
  return {
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'silent',
    legalComments: 'none',
  };
}

/** esbuild's API, loaded only when a bundle is made: most runs find theirs made. */
export const loadEsbuild = () => createRequire(import.meta.url)('esbuild');

/**
 * Makes the bundle `folder` unless it is there: `write(outdir)` writes it (esbuild, at once or
 * in a promise) into a folder of its own, which is then renamed into place. Where another
 * process made it first, theirs is kept: it is the same. Throws (or rejects) where it cannot be
 * made; returns a promise where `write` did.
 */
export function placeBundle(folder, write) {
  if (existsSync(folder)) return undefined;
  mkdirSync(dirname(folder), { recursive: true });
  const partial = `${folder}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const settle = () => {
    try {
      renameSync(partial, folder);
    } catch (error) {
      if (!existsSync(folder)) throw error;
    }
  };
  const cleanUp = () => rmSync(partial, { recursive: true, force: true });
  let written;
  try {
    written = write(partial);
  } catch (error) {
    cleanUp();
    throw error;
  }
  if (written instanceof Promise) return written.then(settle).finally(cleanUp);
  try {
    settle();
  } finally {
    cleanUp();
  }
  return undefined;
}

/** Removes the bundles beside `current` (of other versions of the code) made over a day ago. */
export function removeStaleBundles(current) {
  const root = dirname(current);
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
