/**
 * Builds the portal into a temporary folder with `npm run build`'s own script, from the sample
 * reports plus any extra files a test adds, and serves it on a loopback port.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serveFolder } from '../scripts/serve.ts';

const run = promisify(execFile);

export interface BuiltSite {
  folder: string;
  origin: string;
  server: Server;
}

/** A copy of reports/ in a temporary folder, with extra files added. */
export async function copyReports(extraReports: Record<string, string> = {}): Promise<string> {
  const reports = join(await mkdtemp(join(tmpdir(), 'gongkai-reports-')), 'reports');
  await mkdir(reports);
  for (const name of await readdir('reports')) await copyFile(join('reports', name), join(reports, name));
  for (const [name, text] of Object.entries(extraReports)) await writeFile(join(reports, name), text);
  return reports;
}

/** Builds into a new temporary folder; returns that folder (with data/ and _site/ inside). */
export async function buildInto(extraReports: Record<string, string> = {}, reportsFolder?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-portal-'));
  const reports = reportsFolder ?? (await copyReports(extraReports));
  await run('npx', ['tsx', 'scripts/build.ts', '--reports', reports, '--out', dir], { maxBuffer: 64 * 1024 * 1024 });
  return dir;
}

export async function buildSite(extraReports: Record<string, string> = {}): Promise<BuiltSite> {
  const dir = await buildInto(extraReports);
  const site = join(dir, '_site');
  const server = await serveFolder(site, 0);
  const { port } = server.address() as AddressInfo;
  return { folder: site, origin: `http://127.0.0.1:${port}`, server };
}
