/**
 * npm run build [-- --reports <folder> --out <folder>]
 *
 * Builds the portal from reports/: ingest (the records in data/), Eleventy (the site in _site/),
 * Pagefind (the search index). Everything is built in a temporary folder; data/ and _site/ are
 * replaced only when every step has finished, so a failed build leaves the last good site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { reports: { type: 'string', default: 'reports' }, out: { type: 'string', default: '.' } },
});
const reports = resolve(values.reports!);
const out = resolve(values.out!);
const project = resolve(import.meta.dirname, '..');

function step(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: project, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status ?? result.signal}); the previous site is left in place`);
  }
}

await mkdir(join(out, '.build'), { recursive: true });
const work = await mkdtemp(join(out, '.build', 'run-'));
try {
  const data = join(work, 'data');
  const site = join(work, '_site');
  const tsx = join(project, 'node_modules', '.bin', 'tsx');
  step('ingest', tsx, ['src/cli/ingest.ts', reports, data]);
  step('Eleventy', tsx, ['node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${site}`, '--quiet'], {
    GONGKAI_DATA: data,
  });
  step('Pagefind', join(project, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--silent']);

  // Every step finished: swap the new folders in.
  for (const name of ['data', '_site']) {
    const target = join(out, name);
    const old = join(work, `${name}.old`);
    if (existsSync(target)) await rename(target, old);
    await rename(join(work, name), target);
  }
  process.stdout.write(`Site written to ${join(out, '_site')}/ — npm run serve shows it at http://localhost:8080/\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
  // The .build folder itself goes too, unless another build is using it.
  await rmdir(join(out, '.build')).catch(() => undefined);
}
