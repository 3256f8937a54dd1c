/**
 * A stable URL slug for an agency name, from its pinyin: 南关区自强街道 → nanguanqu-ziqiangjiedao.
 * Words break after the administrative units (省市区县…) and after 街道, which keeps slugs short
 * enough to read. The same name always gives the same slug.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const BREAK_AFTER = /[省市区县旗镇乡]$|街道$/;
/** Slugs by name, for the many reports of one agency; bounded, for a long-running `npm run dev`. */
const cache = new Map<string, string>();
const CACHE_SIZE = 10_000;

export function slugifyAgency(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const slug = slugOf(name);
  if (cache.size >= CACHE_SIZE) cache.clear();
  // The key is a copy: a name cut from a report's text (V8 keeps such a string as a slice of the
  // whole text) would keep the whole report in memory for as long as the cache lives.
  cache.set([...name].join(''), slug);
  return slug;
}

/** Markup a report typed into a name (南关区<b>民政局</b>): shown as text, but no part of an address. */
const TAG = /<\/?[a-z][^<>]*>/gi;

/** What tells two names apart: not markup, white space or full- and half-width forms. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(TAG, '').replace(/\s+/g, '');
}

/** A slug is made from at most this many characters of a name, and is at most this long. */
const NAME_CHARS = 60;
const SLUG_LENGTH = 80;

/** Six hex digits of the name's SHA-256: the same name always gets the same ones. */
export function nameTag(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 6);
}

function slugOf(name: string): string {
  // A name of thousands of characters is no agency's: its slug is made from its start, with a tag
  // of the whole name, so that it stays a valid file name and costs no more than a real one.
  const all = [...name.normalize('NFKC').replace(TAG, '')];
  const slug = pinyinSlug(all.slice(0, NAME_CHARS));
  if (all.length <= NAME_CHARS && slug.length <= SLUG_LENGTH) return slug;
  return `${slug.slice(0, SLUG_LENGTH).replace(/-[^-]*$|-$/, '')}-${nameTag(name)}`;
}

function pinyinSlug(chars: string[]): string {
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  let word = '';
  let sourceSoFar = '';
  // pinyin-pro returns one syllable per Chinese character and runs of other characters whole.
  let index = 0;
  for (const syllable of syllables) {
    const isZh = /[\u4e00-\u9fff]/.test(chars[index] ?? '');
    const consumed = isZh ? 1 : syllable.length;
    // Only the end of what is read so far is tested: a word ends after 街道 or a unit.
    sourceSoFar = (sourceSoFar + chars.slice(index, index + consumed).join('')).slice(-2);
    index += consumed;
    const ascii = syllable.toLowerCase().replace(/[^a-z0-9]+/g, isZh ? '' : '-');
    word += ascii;
    if (BREAK_AFTER.test(sourceSoFar) || !isZh) {
      words.push(word);
      word = '';
    }
  }
  words.push(word);
  return (
    words
      .join('-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'agency'
  );
}
