/**
 * Indexing parts of the search index with Pagefind (see search-index.ts). Pagefind indexes in one
 * process of its own, one index at a time; with several parts to make (a cold build makes all of
 * them) two worker threads each drive a Pagefind process of their own, so both cores index.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { searchCopy } from './search-copy.ts';

export interface PartJob {
  part: number;
  /** The site, with the part's pages written. */
  site: string;
  /** The part's pages, by address. */
  addresses: string[];
  /** A folder of its own for Pagefind to read. */
  scratch: string;
}

export interface PartFiles {
  part: number;
  files: Array<{ path: string; content: Uint8Array }>;
}

/**
 * The language the index is made in: one Pagefind knows no stemmer or word segmenter for. The
 * copies it reads have a space before and after every Chinese character already (search-copy.ts),
 * and the search page puts the same spaces in the query, so words are cut at the spaces alike on
 * both sides; indexed as Chinese, Pagefind would also run jieba over every page to find the same
 * one-character words, which took two thirds of its reading time (0.6 of 1.1 s for a part of 270
 * pages; 0.2 s without). The search page, in zh-CN, has no index of its own language and loads
 * this one, the only one (Pagefind takes the index with the most pages). 'und' is BCP 47's
 * "undetermined".
 */
export const INDEX_LANGUAGE = 'und';

/** What a part beside the first needs: its index (entry file, metadata, chunks); part 0 also has the interface. */
const isIndexFile = (path: string) => path === 'pagefind-entry.json' || path.includes('.pf_') || /^(index|fragment|filter)\//.test(path);

/** The pinyin words of an agency's page (/agencies/<slug>/…): its slug and the slug's parts. */
function pinyinOf(address: string): string[] {
  const [section, slug] = address.split('/').filter(Boolean);
  if (section !== 'agencies' || !slug) return [];
  const parts = slug.split('-');
  return parts.length > 1 ? [slug.replaceAll('-', ''), ...parts] : parts;
}

/** One part, with this thread's Pagefind process. */
async function indexPart({ part, site, addresses, scratch }: PartJob): Promise<PartFiles> {
  // Pagefind reads a folder: one that holds just this part's pages, as it is to read them (search-copy.ts).
  rmSync(scratch, { recursive: true, force: true });
  for (const address of addresses) {
    const page = join(...address.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(join(scratch, page)), { recursive: true });
    writeFileSync(join(scratch, page), searchCopy(readFileSync(join(site, page), 'utf8'), pinyinOf(address)));
  }
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: scratch });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const { files, errors: failed } = await index.getFiles();
    if (failed.length > 0) throw new Error(failed.join('; '));
    await index.deleteIndex();
    return { part, files: part === 0 ? files : files.filter((file) => isIndexFile(file.path)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The parts in order, in this thread; Pagefind's process is closed at the end. */
export async function indexHere(jobs: PartJob[]): Promise<PartFiles[]> {
  const results: PartFiles[] = [];
  try {
    for (const job of jobs) results.push(await indexPart(job));
  } finally {
    await pagefind.close();
  }
  return results;
}

/** The parts, on two threads where there are several parts and cores. */
export async function indexParts(jobs: PartJob[]): Promise<PartFiles[]> {
  const threads = Math.min(2, availableParallelism(), jobs.length);
  if (threads < 2) return indexHere(jobs);
  const shares = Array.from({ length: threads }, (_, thread) => jobs.filter((_, index) => index % threads === thread));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<PartFiles[]>((done, fail) => {
          const worker = new Worker(new URL('./pagefind-worker.mjs', import.meta.url), { workerData: share });
          worker.once('message', done);
          worker.once('error', fail);
          worker.once('exit', (code) => code !== 0 && fail(new Error(`search index worker exited with ${code}`)));
        }),
    ),
  );
  return results.flat().sort((a, b) => a.part - b.part);
}
