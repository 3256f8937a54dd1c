/**
 * The build as a whole: two builds of the same reports are byte-identical, and a build that fails
 * leaves the last good site and data in place.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildInto, copyReports } from './build-site.ts';

const run = promisify(execFile);

function hashes(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else result[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return result;
}

describe('npm run build', () => {
  it('gives byte-identical output for the same reports', async () => {
    const reports = await copyReports();
    const [first, second] = [await buildInto({}, reports), await buildInto({}, reports)];
    const a = { site: hashes(join(first, '_site')), data: hashes(join(first, 'data')) };
    const b = { site: hashes(join(second, '_site')), data: hashes(join(second, 'data')) };
    expect(Object.keys(a.site).length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  }, 240_000);

  it('leaves the last good site in place when a build fails', async () => {
    const dir = await buildInto();
    const before = hashes(join(dir, '_site'));
    const failed = await run('npx', ['tsx', 'scripts/build.ts', '--reports', join(dir, 'no-such-folder'), '--out', dir]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('the previous site is left in place');
    expect(hashes(join(dir, '_site'))).toEqual(before);
  }, 240_000);
});
