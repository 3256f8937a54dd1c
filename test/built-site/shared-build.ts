/**
 * The built site for tests: the shared build made once by global-build.ts, served on a loopback
 * port, and a helper that runs `npm run build`'s own script for the tests of the build itself.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { serveFolder } from '../../scripts/serve.ts';
import { BUILD_ENV } from './build-env.ts';

const run = promisify(execFile);

export interface ServedSite {
  /** The site's folder (_site). */
  folder: string;
  origin: string;
  server: Server;
}

export function sharedBuild(): { reports: string; out: string; cache: string; site: string } {
  const build = inject('sharedBuild');
  return { ...build, site: join(build.out, '_site') };
}

export async function serveSharedSite(): Promise<ServedSite> {
  const { site } = sharedBuild();
  const server = await serveFolder(site, 0, '/');
  const { port } = server.address() as AddressInfo;
  return { folder: site, origin: `http://127.0.0.1:${port}`, server };
}

export interface BuildTimings {
  reports: number;
  failures: number;
  parsed: number;
  fromCache: number;
  reusedFiles: number;
  reusedPages: number;
  searchParts: { indexed: number; reused: number };
  /** The pages' JSON files written, and linked from the last build (src/site/site-json.ts). */
  siteJson: { written: number; reused: number };
  pages: number;
}

/**
 * Runs the build script; resolves to its timings file, or rejects with the process's error
 * (its `code` and `stderr`). No time limit: on a loaded machine a build may take a while.
 */
export async function runBuild(args: string[], env: Record<string, string> = {}): Promise<BuildTimings> {
  const timings = join(args[args.indexOf('--out') + 1]!, 'timings.json');
  await run(process.execPath, ['scripts/run.mjs', 'build', ...args, '--timings', timings], { maxBuffer: 64 * 1024 * 1024, env: { ...BUILD_ENV, ...env } });
  return JSON.parse(readFileSync(timings, 'utf8')) as BuildTimings;
}
