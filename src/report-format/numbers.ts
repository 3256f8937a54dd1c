/**
 * Reading a number cell. Published cells carry full-width digits, spaces, thousands separators,
 * signs, units (385万元) and placeholders (—, 无). A blank cell is `blank`, never 0; anything that
 * is not a number is `invalid` and keeps its text, so the caller can say what it found.
 */

export type AmountUnit = 'yuan' | 'tenThousandYuan';
export type CellKind = 'count' | 'signedCount' | AmountUnit;

/** The unit a value of each kind is published in, and whether it is a whole number. */
export const CELL_UNITS: Readonly<Record<CellKind, '件' | '元' | '万元'>> = {
  count: '件',
  signedCount: '件',
  yuan: '元',
  tenThousandYuan: '万元',
};
export const isWholeNumber = (kind: CellKind): boolean => kind === 'count' || kind === 'signedCount';

export type ParsedCell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; unitStated: string | null }
  | { kind: 'invalid'; reason: string };

const UNIT_POWER: Record<string, number> = { 元: 0, 万元: 4, 万: 4, 亿元: 8, 亿: 8 };
const COUNT_UNITS = new Set(['件', '项', '个', '条', '次']);
const NUMBER = /^([+-]?)(\d+(?:\.\d+)?)(万元|亿元|元|万|亿|件|项|个|条|次)?$/;
const PLAIN = /^\d{1,15}$/;
/**
 * Digits on both sides of white space, a separator's comma or point before it or a point after
 * it included (1, 234 and 1. 5 are two numbers set on two lines, never 1234 or 1.5).
 */
const SEVERAL_NUMBERS = /[0-9０-９][,，.．]?[\s\u00a0\u3000]+[+\-＋－−]?[.．]?[0-9０-９]/;
/** Thousands set apart by spaces (1 234 567): one number. */
const SPACED_THOUSANDS = /^[+-]?\d{1,3}(?:[ \u00a0]\d{3})+(?:[万亿]?元|件|项|个|条|次)?$/;
/**
 * Digits that compatibility folding would turn into plain ones: superscripts and subscripts
 * (footnote markers: 5¹), circled, parenthesised and dotted numbers (①, ⑴, ⒈, ❶, ㉑). Full-width
 * digits (０–９) are plain digits and are read.
 */
const MARKED_DIGITS = /[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;
const MINUS_SIGNS = /[−–﹣]/g; // U+2212, en dash and small hyphen-minus used as minus signs

/** Normalises the text of a cell for reading: NFKC, no spaces, no thousands separators. */
function normalizeNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(MINUS_SIGNS, '-')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
}

/** Multiplies a decimal string by 10^power without floating-point error. */
function scaleDecimal(digits: string, power: number): number {
  const [whole = '0', fraction = ''] = digits.split('.');
  const shifted = fraction.padEnd(power, '0');
  const integerPart = whole + shifted.slice(0, power);
  const rest = shifted.slice(power);
  return Number(rest ? `${integerPart}.${rest}` : integerPart);
}

/**
 * Reads one cell as the kind of value its column holds. `bareUnit` is the unit of a number
 * written without one where it is not the column's own (a fee table headed 金额（万元）).
 */
export function parseCell(text: string, kind: CellKind = 'count', bareUnit?: '元' | '万元'): ParsedCell {
  // Fast path: most cells are a plain whole number.
  if (PLAIN.test(text) && bareUnit === undefined) return { kind: 'number', value: Number(text), unitStated: null };
  // NFKC would make a footnote marker a digit (5¹ → 51, ① → 1): such a cell is not read.
  if (MARKED_DIGITS.test(text)) return { kind: 'invalid', reason: 'marked-digits' };
  // Digits on both sides of white space are two numbers in one cell (10 0), never 100, unless
  // they are thousands set apart (1 234).
  if (SEVERAL_NUMBERS.test(text) && !SPACED_THOUSANDS.test(text.normalize('NFKC').trim())) return { kind: 'invalid', reason: 'several-numbers' };
  const normalized = normalizeNumberText(text);
  if (normalized === '') return { kind: 'blank' };
  const match = NUMBER.exec(normalized);
  if (!match) return { kind: 'invalid', reason: 'not-a-number' };
  const [, sign = '', digits = '', unit] = match;
  const negative = sign === '-';

  if (kind === 'count' || kind === 'signedCount') {
    if (unit !== undefined && !COUNT_UNITS.has(unit)) return { kind: 'invalid', reason: 'unit' };
    if (digits.includes('.')) return { kind: 'invalid', reason: 'fraction' };
    if (negative && kind === 'count') return { kind: 'invalid', reason: 'negative' };
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) return { kind: 'invalid', reason: 'too-large' };
    return { kind: 'number', value: negative ? -value : value, unitStated: unit ?? null };
  }

  if (unit !== undefined && COUNT_UNITS.has(unit)) return { kind: 'invalid', reason: 'unit' };
  const statedUnit = unit ?? bareUnit;
  const statedPower = statedUnit === undefined ? null : (UNIT_POWER[statedUnit] ?? 0);
  const columnPower = kind === 'tenThousandYuan' ? 4 : 0;
  // A bare number is in the column's unit; a stated unit is converted to it.
  const power = statedPower === null ? 0 : statedPower - columnPower;
  const magnitude = power >= 0 ? scaleDecimal(digits, power) : Number(digits) / 10 ** -power;
  if (!Number.isFinite(magnitude) || magnitude > Number.MAX_SAFE_INTEGER) {
    return { kind: 'invalid', reason: 'too-large' };
  }
  return { kind: 'number', value: negative ? -magnitude : magnitude, unitStated: unit ?? null };
}

const REASONS: Record<string, string> = {
  'not-a-number': '不是数字',
  unit: '单位与该栏不符',
  fraction: '件数不能有小数',
  negative: '件数不能为负数',
  'too-large': '数字过大',
  'several-numbers': '一格中有几个数字，不知哪一个属于该栏',
  'marked-digits': '含上标、下标或带圈的数字（可能是脚注标记），无法确定该格的数值',
};

/** A Chinese phrase for an invalid cell's reason, for messages. */
export function describeInvalid(reason: string): string {
  return REASONS[reason] ?? reason;
}

/** Whether a cell's text reads as a value (a number, a blank or a placeholder such as —). */
export function looksLikeValue(text: string): boolean {
  if (text === '' || PLAIN.test(text)) return true;
  const normalized = normalizeNumberText(text);
  if (normalized === '' || NUMBER.test(normalized)) return true;
  // Placeholders: dashes, slashes, 无 — they stand where a number should be.
  return /^(?:[-—―_/\\×x*]+|无|空|\/|null|n\/?a)$/i.test(normalized);
}

/** The sum of some values, or null if any is unknown: a blank part is not a 0. */
export function sumOrNull(values: Array<number | null>): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}
