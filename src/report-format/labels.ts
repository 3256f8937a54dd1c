import { distance } from 'fastest-levenshtein';

/**
 * Label normalisation: published labels drift (full-width and half-width punctuation, spaces,
 * quotes, 情况 for 情形), so every comparison between a label in a report and a label of the
 * template goes through `normalizeLabel` first.
 */

const QUOTES = /["'“”‘’「」『』〝〞]/g;
const WHITESPACE = /\s+/g;

/**
 * The labels seen, normalised: every report of a template has the same ones (a cap keeps a
 * corpus of odd labels from filling memory). Only short texts are kept, and as copies: a label
 * cut from a page's text is, in V8, a slice that would keep the whole page alive for as long as
 * the map does (a build of 10,000 reports holds it to the end).
 */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 20_000;
const MAX_KEPT_LENGTH = 64;

const copy = (text: string) => [...text].join('');

/** NFKC (full-width to half-width), no whitespace, no quotes. */
export function normalizeLabel(text: string): string {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  const label = text.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, '');
  if (text.length <= MAX_KEPT_LENGTH && normalized.size < MAX_NORMALIZED) normalized.set(copy(text), copy(label));
  return label;
}

const CHINESE_NUMERAL = '[一二三四五六七八九十]+';
const NUMBERING = new RegExp(
  `^(?:\\((${CHINESE_NUMERAL}|\\d+)\\)|(${CHINESE_NUMERAL}|\\d+)[、.]|第(${CHINESE_NUMERAL})部分)`,
);

export interface NumberedLabel {
  /** The numbering as printed, without brackets or punctuation: 一, 3, … ; null if none. */
  number: string | null;
  /** The label without its numbering, normalised. */
  text: string;
}

/** Splits `（三）不予公开` into number 三 and text 不予公开 (after normalisation). */
export function splitNumbering(label: string): NumberedLabel {
  return splitNormalizedNumbering(normalizeLabel(label));
}

/** splitNumbering for a label that has been through normalizeLabel already. */
export function splitNormalizedNumbering(normalized: string): NumberedLabel {
  const match = NUMBERING.exec(normalized);
  if (!match) return { number: null, text: normalized };
  return {
    number: match[1] ?? match[2] ?? match[3] ?? null,
    text: normalized.slice(match[0].length),
  };
}

const NUMERALS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 三 → 3, 十二 → 12, "7" → 7; NaN for anything else. */
export function numeralValue(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  if (numeral === '十') return 10;
  const ten = numeral.indexOf('十');
  if (ten >= 0) {
    const tens = ten === 0 ? 1 : NUMERALS[numeral.slice(0, ten)];
    const units = ten === numeral.length - 1 ? 0 : NUMERALS[numeral.slice(ten + 1)];
    return tens === undefined || units === undefined ? Number.NaN : tens * 10 + units;
  }
  const value = NUMERALS[numeral];
  return value === undefined ? Number.NaN : value;
}

/** How alike two labels are, from 0 (nothing in common) to 1 (the same): 1 − edit distance / length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
