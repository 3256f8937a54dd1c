/**
 * The ingest cache: what became of each file (its record and Markdown, or why it could not be
 * read), stored under a key made of the file's name and bytes, in a folder named after the code
 * that parsed it. A file is parsed again only when its bytes, its name or the parser changed.
 *
 *   .cache/ingest/<code fingerprint>/<key>.json   the outcome (a record, or why there is none)
 *   .cache/ingest/<code fingerprint>/<key>.md     a record's Markdown, as bytes
 *
 * The code fingerprint is a SHA-256 of every source file under src/ (but src/site/ and src/build/,
 * which lay out pages and run the steps), of package-lock.json and of the schema version, so any
 * change to the parser, a dependency or the schema starts a new folder (and the folders of older
 * code are removed). Each entry starts with the SHA-256 of its payload, and names the SHA-256 of
 * its Markdown: an entry or a Markdown file that was cut short, edited or otherwise corrupted
 * fails that check and the file is parsed again. The cache is never needed: without it the output
 * is the same, byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SCHEMA_VERSION, type Report } from '../schema/report.ts';
import type { IngestFailure, ParseOutcome } from './ingest-file.ts';
import { writeAtomically } from './write-atomically.ts';

/** The cache's folder, relative to the project. */
export const DEFAULT_CACHE = '.cache/ingest';

const SOURCE_ROOT = join(import.meta.dirname, '..');
export const PROJECT_ROOT = join(SOURCE_ROOT, '..');

/**
 * The code that changes no record and no data file: the pages' (src/site/) and the build's steps
 * and search index (src/build/). Each has a fingerprint of its own where its output is reused.
 */
const PAGE_CODE = new Set([join(SOURCE_ROOT, 'site'), join(SOURCE_ROOT, 'build')]);

/** Every file under `folder`, sorted, as paths relative to `root` (page code left out). */
function filesUnder(folder: string, root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && PAGE_CODE.has(path)) continue;
    if (entry.isDirectory()) files.push(...filesUnder(path, root));
    else if (entry.isFile()) files.push(relative(root, path));
  }
  return files.sort();
}

let fingerprint: string | undefined;

/** A SHA-256 of the code and the dependencies that turn a file into a record. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION}\n`);
  const lockFile = join(PROJECT_ROOT, 'package-lock.json');
  const files = filesUnder(SOURCE_ROOT, PROJECT_ROOT).map((path) => join(PROJECT_ROOT, path));
  if (existsSync(lockFile)) files.push(lockFile);
  for (const path of files) {
    hash.update(`${relative(PROJECT_ROOT, path)}\n`).update(readFileSync(path)).update('\n');
  }
  fingerprint = hash.digest('hex').slice(0, 32);
  return fingerprint;
}

/** The key of one file: its name in the reports folder and the SHA-256 of its bytes. */
export function cacheKey(name: string, sha256: string): string {
  return createHash('sha256').update(`${name}\0${sha256}`).digest('hex');
}

const NEWLINE = 0x0a;

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** An outcome as an entry holds it: a record's Markdown is in a file of its own, named by its SHA-256 here. */
type StoredOutcome = { path: string; report: Report; markdownSha256: string } | { path: string; failure: IngestFailure };

export class IngestCache {
  /** The folder of this code's entries, or null when the cache is off. */
  readonly folder: string | null;

  /**
   * `root` is the cache's folder (.cache/ingest by default); null turns the cache off. A worker
   * is given the folder itself (`{ folder }`): it may run from a bundle (worker-bundle.ts), away
   * from the sources the fingerprint is made of.
   */
  constructor(root: string | null | { folder: string | null }) {
    if (root !== null && typeof root === 'object') this.folder = root.folder;
    else this.folder = root === null ? null : join(root, codeFingerprint());
  }

  /** Makes the folder and removes the entries of every other version of the code. */
  prepare(): void {
    if (!this.folder) return;
    mkdirSync(this.folder, { recursive: true });
    const root = join(this.folder, '..');
    for (const entry of readdirSync(root)) {
      if (join(root, entry) !== this.folder) rmSync(join(root, entry), { recursive: true, force: true });
    }
  }

  /**
   * The keys that have an entry, from one listing of the folder: a build tells the files to parse
   * from those to read before it reads any entry (an entry listed may still fail its checksum).
   */
  keys(): Set<string> {
    if (!this.folder) return new Set();
    try {
      return new Set(readdirSync(this.folder).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
    } catch {
      return new Set();
    }
  }

  /**
   * The stored outcome, or undefined when there is none or it or its Markdown fails its checksum.
   * An entry is the outcome as JSON (its Markdown replaced by the Markdown's SHA-256) and, for a
   * record, `<key>.md` beside it: the Markdown's bytes, never decoded here.
   */
  get(key: string): ParseOutcome | undefined {
    if (!this.folder) return undefined;
    const payload = this.checkedPayload(join(this.folder, `${key}.json`));
    if (!payload) return undefined;
    let stored: StoredOutcome;
    try {
      stored = JSON.parse(payload.toString('utf8')) as StoredOutcome;
    } catch {
      return undefined;
    }
    if ('failure' in stored) return stored;
    let markdown: Buffer;
    try {
      markdown = readFileSync(join(this.folder, `${key}.md`));
    } catch {
      return undefined;
    }
    if (sha256(markdown) !== stored.markdownSha256) return undefined;
    return { path: stored.path, report: stored.report, markdown: new Uint8Array(markdown.buffer, markdown.byteOffset, markdown.byteLength) };
  }

  /** An entry's payload, if the file is there and its payload is what its first line's SHA-256 says. */
  private checkedPayload(path: string): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    // The checksum is of the payload's bytes: hashing them is four times faster than hashing the
    // decoded text, which would be encoded to UTF-8 again.
    if (bytes[64] !== NEWLINE) return undefined;
    const payload = bytes.subarray(65);
    return sha256(payload) === bytes.toString('latin1', 0, 64) ? payload : undefined;
  }

  /** Stores an outcome; a cache that cannot be written is skipped, never an error. */
  set(key: string, outcome: ParseOutcome): void {
    if (!this.folder) return;
    const path = join(this.folder, key);
    let stored: StoredOutcome = outcome as StoredOutcome;
    if ('report' in outcome) {
      // The Markdown first: an entry is never there without it (and one written over is checked).
      if (!writeAtomically(`${path}.md`, outcome.markdown)) return;
      stored = { path: outcome.path, report: outcome.report, markdownSha256: sha256(outcome.markdown) };
    }
    const payload = JSON.stringify(stored);
    writeAtomically(`${path}.json`, `${sha256(payload)}\n${payload}`);
  }
}
