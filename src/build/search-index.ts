/**
 * The search index (Pagefind), in parts. Pagefind has no incremental mode and indexes about a
 * megabyte of Chinese text a second, so one index of the whole site costs every build the same
 * (5 s at 1,000 reports, a minute at 10,000) even when one report changed. The searchable pages
 * (an agency's page and its reports' pages: the pages with data-pagefind-body) are therefore
 * split by agency into parts, each a Pagefind index of its own; a build indexes again only the
 * parts whose pages changed and takes the others from the build before. A new or changed report
 * changes only its agency's pages, so it costs one part.
 *
 * The search page merges the parts in the browser (Pagefind's mergeIndex: the parts share the
 * first one's WebAssembly, and each adds a small entry file and its metadata): part 0 is at
 * /pagefind/ with Pagefind's interface, part n at /pagefind/part-n/. The number of parts grows
 * with the site (src/site/search-parts.ts), so a small site has one index and a search there costs
 * what it always did.
 *
 * A part is reused only if the same Pagefind and the same code wrote it from the same pages (their addresses and
 * the SHA-256 of each, from <data>/pages.json) and its files are still what it wrote; the parts'
 * record is <data>/search.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { filesUnder, linkFiles } from '../publish/link-files.ts';
import { PAGE_MANIFEST } from '../site/page-reuse.ts';
import { partFolder, searchParts } from '../site/search-parts.ts';
import { indexParts, type PartJob } from './pagefind-parts.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** The record of the parts in the data folder. */
export const SEARCH_MANIFEST = 'search.json';

interface SearchManifest {
  fingerprint: string;
  parts: Array<{ input: string; files: Record<string, string> }>;
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** What besides its pages makes a part: Pagefind's version, the number of parts, this code. */
function searchFingerprint(parts: number): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(`pagefind ${version}, ${parts} parts\n`);
  for (const name of filesUnder(import.meta.dirname)) hash.update(`${name}\n`).update(readFileSync(join(import.meta.dirname, name))).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/** The agency a searchable page belongs to: /agencies/<slug>/ and /agencies/<slug>/<year>/. */
function agencyOf(address: string): string | null {
  const [section, slug] = address.split('/').filter(Boolean);
  return section === 'agencies' && slug ? slug : null;
}

/** The part an agency's pages are in: fixed by its slug alone, so a new agency moves no other. */
function partOf(slug: string, parts: number): number {
  return parseInt(sha256(slug).slice(0, 8), 16) % parts;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}


/**
 * Writes the search index into `site`, reusing the parts of `previous` (a folder holding the
 * last build's data/ and _site/) whose pages did not change. `data` is this build's data
 * folder, with pages.json written. Returns how many parts were indexed and how many reused.
 */
export async function writeSearchIndex(site: string, data: string, previous: string | null): Promise<{ indexed: number; reused: number }> {
  const { pages } = JSON.parse(readFileSync(join(data, PAGE_MANIFEST), 'utf8')) as { pages: Record<string, { output: string }> };
  const searchable = Object.keys(pages).sort().filter((address) => agencyOf(address) !== null);
  const parts = searchParts(searchable.length);
  const members: string[][] = Array.from({ length: parts }, () => []);
  for (const address of searchable) members[partOf(agencyOf(address)!, parts)]!.push(address);
  const fingerprint = searchFingerprint(parts);
  const old = previous ? readJson<SearchManifest>(join(previous, 'data', SEARCH_MANIFEST)) : null;
  const oldSite = previous ? join(previous, '_site') : null;
  const manifest: SearchManifest = { fingerprint, parts: [] };
  const jobs: PartJob[] = [];
  const inputs: string[] = [];
  for (const [n, addresses] of members.entries()) {
    const input = sha256(addresses.map((address) => `${address} ${pages[address]!.output}\n`).join(''));
    inputs.push(input);
    const folder = partFolder(n);
    const before = old?.fingerprint === fingerprint ? old.parts[n] : undefined;
    if (before?.input === input && oldSite && reusable(join(oldSite, folder), before.files)) {
      linkFiles(Object.keys(before.files).map((path) => [join(oldSite, folder, path), join(site, folder, path)] as const));
      manifest.parts[n] = before;
    } else {
      jobs.push({ part: n, site, addresses, scratch: join(dirname(site), `search-part-${n}`) });
    }
  }
  for (const { part, files } of await indexParts(jobs)) {
    const folder = partFolder(part);
    for (const path of new Set(files.map((file) => dirname(join(site, folder, file.path))))) await mkdir(path, { recursive: true });
    for (let start = 0; start < files.length; start += 64) {
      await Promise.all(files.slice(start, start + 64).map((file) => writeFile(join(site, folder, file.path), file.content)));
    }
    const checksums = files.map((file) => [file.path, sha256(file.content)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    manifest.parts[part] = { input: inputs[part]!, files: Object.fromEntries(checksums) };
  }
  writeFileSync(join(data, SEARCH_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return { indexed: jobs.length, reused: parts - jobs.length };
}

/** Whether a part's folder in the last site holds exactly the files it wrote (its sub-parts aside). */
function reusable(folder: string, files: Record<string, string>): boolean {
  try {
    const present = filesUnder(folder).filter((path) => !path.startsWith('part-'));
    if (present.length !== Object.keys(files).length) return false;
    return present.every((path) => files[path] === sha256(readFileSync(join(folder, path))));
  } catch {
    return false;
  }
}
