/**
 * vitest globalSetup of the "site" project: builds the portal ONCE with `npm run build`'s own
 * script, from the sample reports plus a few hostile and unreadable files, and hands the folder
 * to every test file that looks at a built site (see shared-build.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { EXTRA_REPORTS, copyReports } from './extra-reports.ts';
import { BUILD_ENV } from './build-env.ts';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared build: its reports folder, its output (data/ and _site/) and its ingest cache. */
    sharedBuild: { reports: string; out: string; cache: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'gongkai-shared-build-'));
  const reports = await copyReports(join(root, 'reports'), EXTRA_REPORTS);
  const out = join(root, 'out');
  const cache = join(root, 'cache');
  await run(process.execPath, ['scripts/run.mjs', 'build', '--reports', reports, '--out', out, '--cache', cache], {
    maxBuffer: 64 * 1024 * 1024,
    env: BUILD_ENV,
  });
  project.provide('sharedBuild', { reports, out, cache });
  return () => rm(root, { recursive: true, force: true });
}
