/**
 * Info-ZIP's `unzip` (Debian's unzip package), the reference reader for the zip the build writes:
 * `unzip -t` inflates every entry and checks its CRC-32 and sizes against both headers, and
 * `zipinfo` lists the entries' dates and modes. Tests that need it are skipped without it, except
 * in CI (CI=true), where .ci/run installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const UNZIP = '/usr/bin/unzip';

export const infoZip = existsSync(UNZIP);

if (!infoZip && process.env['CI']) throw new Error(`${UNZIP} is missing: CI must install Debian's unzip`);
if (!infoZip) process.stderr.write(`${UNZIP} not found: the zip is read back with fflate only (apt-get install unzip)\n`);

/** `unzip -t`'s report; throws (non-zero exit) when an entry is damaged. */
export function unzipTest(zip: string): string {
  return execFileSync(UNZIP, ['-t', zip], { encoding: 'utf8' });
}

/** `zipinfo -T -l`: one line per entry with its mode, sizes, method and date as yyyymmdd.hhmmss. */
export function zipInfo(zip: string): string {
  return execFileSync('/usr/bin/zipinfo', ['-T', '-l', zip], { encoding: 'utf8' });
}
