/**
 * Fixture folders: test/fixtures/<case-name>/input.* beside expected.json (the record) or
 * expected-error.json (a file that cannot be read as a report). UPDATE=1 rewrites expectations;
 * read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const UPDATE = process.env['UPDATE'] === '1';

export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(FIXTURES, entry.name);
      const input = readdirSync(dir).find((file) => file.startsWith('input.'));
      if (!input) throw new Error(`fixture ${entry.name} has no input.* file`);
      return { name: entry.name, dir, input: join(dir, input) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads expected JSON, or writes `actual` as the new expectation when UPDATE=1. */
export function expectation(path: string, actual: unknown): unknown {
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`${path} is missing: run UPDATE=1 npm test, then read the diff`);
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    return actual;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}
