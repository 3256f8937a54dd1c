/**
 * node scripts/run.mjs <command> [arguments]
 *
 * Runs one of the project's commands (what `npm run build`, `check`, `parse`, `ingest`, `serve`
 * and `dev` run) from a bundle of the project's code, made by esbuild the first time this
 * version of the code runs and kept in .cache/commands/<fingerprint>/ (src/bundle/code-bundle.mjs).
 * Run from the TypeScript sources, a command spends ~0.7 s loading ~450 modules through tsx's
 * hooks before it does anything; from the bundle, ~0.1 s. The bundle holds our code and the
 * packages it imports; Eleventy, Pagefind, pdfjs-dist, esbuild and tsx are loaded from
 * node_modules as they are. .eleventy.ts is bundled too, and the build hands that copy to Eleventy.
 *
 * The fingerprint covers every file under src/ and scripts/, .eleventy.ts, tsconfig.json and
 * package-lock.json, so a bundle is never older than its code. Where the bundle cannot be made
 * (no esbuild binary, a read-only project), or where GONGKAI_SOURCES=1 asks for it (a debugger,
 * stack traces with the sources' lines), the command runs from the sources through tsx, as it
 * always could: `node --import tsx scripts/build.ts` and the like give the same output.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleOptions, filesFingerprint, loadEsbuild, placeBundle, PROJECT_ROOT, removeStaleBundles, SOURCE_PLACES, SOURCE_PLACES_DEFINE } from '../src/bundle/code-bundle.mjs';

/** Each command's module, relative to the project. */
const COMMANDS = {
  build: 'scripts/build.ts',
  serve: 'scripts/serve.ts',
  dev: 'scripts/dev.ts',
  check: 'src/cli/check.ts',
  parse: 'src/cli/parse.ts',
  ingest: 'src/cli/ingest.ts',
};
const ELEVENTY_CONFIG = '.eleventy.ts';
/** Packages loaded from node_modules: they find files of their own beside them, or start processes. */
const EXTERNAL = ['@11ty/*', 'pagefind', 'pdfjs-dist', 'esbuild', 'tsx', 'tsx/*'];

const [command, ...rest] = process.argv.slice(2);
const module = COMMANDS[command ?? ''];
if (!module) {
  process.stderr.write(`usage: node scripts/run.mjs <${Object.keys(COMMANDS).join('|')}> [arguments]\n`);
  process.exit(2);
}
// Eleventy's ESM resolver busts the import cache of JavaScript templates and data files that
// change while Eleventy watches them; the portal has none (its templates are Nunjucks, and its
// code does not change while a command runs), and on Node 20 the resolver is a loader hook on a
// thread of its own that every later import goes through (~0.1 s a build).
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
// The command reads its arguments, and tells whether it is the program run, as it does from the sources.
process.argv = [process.argv[0], join(PROJECT_ROOT, module), ...rest];

/** The folder of this version's bundle, made if there is none; null where it cannot be made. */
async function commandsBundle() {
  if (process.env.GONGKAI_SOURCES === '1') return null;
  try {
    const folder = join(PROJECT_ROOT, '.cache', 'commands', filesFingerprint(['src', 'scripts', ELEVENTY_CONFIG, 'tsconfig.json', 'package-lock.json'], process.version));
    const entryPoints = Object.fromEntries([...Object.entries(COMMANDS), ['eleventy-config', ELEVENTY_CONFIG]].map(([name, path]) => [name, join(PROJECT_ROOT, path)]));
    await placeBundle(folder, (outdir) =>
      loadEsbuild().build({
        ...bundleOptions(outdir, entryPoints, EXTERNAL),
        plugins: [SOURCE_PLACES],
        // Where the build finds the Eleventy config it hands to Eleventy: the one beside it.
        define: { ...SOURCE_PLACES_DEFINE, GONGKAI_ELEVENTY_CONFIG: JSON.stringify(join(folder, 'eleventy-config.mjs')) },
      }),
    );
    removeStaleBundles(folder);
    return folder;
  } catch (error) {
    process.stderr.write(`(the commands' bundle could not be made, so this runs from the sources: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n`);
    return null;
  }
}

const folder = await commandsBundle();
if (folder) {
  await import(pathToFileURL(join(folder, `${command}.mjs`)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(PROJECT_ROOT, module)).href);
}
