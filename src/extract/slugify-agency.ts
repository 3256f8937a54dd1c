/**
 * A stable URL slug for an agency name, from its pinyin: 南关区自强街道 → nanguanqu-ziqiangjiedao.
 * Words break after the administrative units (省市区县…) and after 街道, which keeps slugs short
 * enough to read. The same name always gives the same slug.
 */
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

function slugOf(name: string): string {
  const chars = [...name.normalize('NFKC').replace(TAG, '')];
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  let word = '';
  let sourceSoFar = '';
  // pinyin-pro returns one syllable per Chinese character and runs of other characters whole.
  let index = 0;
  for (const syllable of syllables) {
    const isZh = /[\u4e00-\u9fff]/.test(chars[index] ?? '');
    const consumed = isZh ? 1 : syllable.length;
    sourceSoFar += chars.slice(index, index + consumed).join('');
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
