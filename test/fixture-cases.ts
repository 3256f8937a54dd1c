/**
 * Fixture folders: test/fixtures/<case-name>/input.* beside expected/ (the record, in parts) or
 * expected-error.json (a file that cannot be read as a report). UPDATE=1 rewrites expectations;
 * read the diff before committing it.
 *
 * The record is kept in parts, so that a change shows in the part it changes (a reworded message
 * in findings.json, a value in tables.json) instead of rewriting one long file per fixture:
 *
 *   expected/record.json    the agency, year, template, title and the rest of the record's head
 *   expected/tables.json    proactive, applications, reviewLitigation, fees
 *   expected/text.json      preamble, sections
 *   expected/findings.json  findings
 *   expected/source.json    source, without its cells
 *   expected/cells.json     source.cells: where each value was read
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/** The parts of a record and the keys each holds (record.json: every other key). */
export const RECORD_PARTS: Readonly<Record<string, readonly string[]>> = {
  tables: ['proactive', 'applications', 'reviewLitigation', 'fees'],
  text: ['preamble', 'sections'],
  findings: ['findings'],
};

/** A record cut into its parts, as expected/ holds them. */
export function recordParts(record: Record<string, unknown>): Record<string, unknown> {
  const parts: Record<string, Record<string, unknown> | unknown> = {};
  const placed = new Set(Object.values(RECORD_PARTS).flat());
  parts['record'] = Object.fromEntries(Object.entries(record).filter(([key]) => !placed.has(key) && key !== 'source'));
  for (const [part, keys] of Object.entries(RECORD_PARTS)) {
    parts[part] = part === 'findings' ? record['findings'] : Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));
  }
  const { cells, ...source } = (record['source'] ?? {}) as Record<string, unknown>;
  parts['source'] = source;
  parts['cells'] = cells;
  return parts;
}

/** Whether a fixture expects a record (expected/) rather than a refusal. */
export const expectsRecord = (dir: string) => existsSync(join(dir, 'expected', 'record.json'));

/** The expected record of a fixture, put together from its parts. */
export function expectedRecord<T = unknown>(dir: string): T {
  const read = (part: string) => JSON.parse(readFileSync(join(dir, 'expected', `${part}.json`), 'utf8')) as Record<string, unknown>;
  return {
    ...read('record'),
    ...read('tables'),
    ...read('text'),
    findings: read('findings'),
    source: { ...read('source'), cells: read('cells') },
  } as T;
}

/** Reads expected JSON, or writes `actual` as the new expectation when UPDATE=1. */
export function expectation(path: string, actual: unknown): unknown {
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`${path} is missing: run UPDATE=1 npm test, then read the diff`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${path.endsWith('cells.json') ? placesJson(actual) : JSON.stringify(actual, null, 2)}\n`);
    return actual;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** JSON with each value's place (an array of numbers and a text) on one line, as a person reads cells.json. */
export function placesJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Object.entries(value).map(([key, node]) => `${inner}${JSON.stringify(key)}: ${placesJson(node, inner)}`);
  return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
}
