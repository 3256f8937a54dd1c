/**
 * Builds the portal into a temporary folder, exactly as `npm run build` does, from the sample
 * reports plus any extra files a test adds, and serves it on a loopback port.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serveFolder } from '../../scripts/serve.ts';

const run = promisify(execFile);

export interface BuiltSite {
  folder: string;
  origin: string;
  server: Server;
}

export async function buildSite(extraReports: Record<string, string> = {}): Promise<BuiltSite> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-portal-'));
  const reports = join(dir, 'reports');
  await mkdir(reports);
  for (const name of await readdir('reports')) await copyFile(join('reports', name), join(reports, name));
  for (const [name, text] of Object.entries(extraReports)) await writeFile(join(reports, name), text);
  const data = join(dir, 'data');
  const site = join(dir, '_site');
  await run('npx', ['tsx', 'src/cli/ingest.ts', reports, data]);
  await run('npx', ['tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', `--output=${site}`, '--quiet'], {
    env: { ...process.env, GONGKAI_DATA: data },
  });
  await run('npx', ['pagefind', '--site', site, '--silent']);
  const server = await serveFolder(site, 0);
  const { port } = server.address() as AddressInfo;
  return { folder: site, origin: `http://127.0.0.1:${port}`, server };
}
