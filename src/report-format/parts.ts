/**
 * The six parts of a report and how their headings are recognised. Headings vary in the wild:
 * `二、主动公开…`, `3、 收到…`, no number at all, `（1）` where `（一）` is expected.
 */
import { TABLE_LABELS } from './tables.ts';
import { normalizeLabel, splitNumbering } from './labels.ts';
import type { Section } from '../schema/report.ts';

export type PartKey = Section['key'];

export interface PartSpec {
  part: number;
  key: PartKey;
  /** The title as the template words it. */
  title: string;
  /** Matches the normalised heading text once its numbering is removed. */
  pattern: RegExp;
}

export const PARTS: readonly PartSpec[] = [
  { part: 1, key: 'overview', title: '总体情况', pattern: /^(?:工作)?总体情况$|^概述$|^总体工作情况$/ },
  {
    part: 2,
    key: 'proactive',
    title: TABLE_LABELS.proactive,
    pattern: /^主动公开政府信息(?:的)?(?:情况|工作情况)$/,
  },
  {
    part: 3,
    key: 'applications',
    title: TABLE_LABELS.applications,
    pattern: /^收到和处理政府信息公开申请(?:的)?情况$/,
  },
  {
    part: 4,
    key: 'reviewLitigation',
    title: TABLE_LABELS.reviewLitigation,
    pattern: /^(?:政府信息公开)?(?:行政复议|复议)[、,和及与]?(?:行政诉讼|诉讼)(?:的)?情况$/,
  },
  {
    part: 5,
    key: 'problems',
    title: '存在的主要问题及改进情况',
    pattern: /^存在的?主要问题(?:及|和|与)?(?:改进|整改)?(?:情况|措施)?$/,
  },
  {
    part: 6,
    key: 'other',
    title: '其他需要报告的事项',
    pattern: /^其他需要报告的?事项$|^需要说明的其他事项(?:与附表|及附表)?$/,
  },
];

/** A heading longer than this is a sentence, not a part heading. */
const MAX_HEADING_LENGTH = 40;

/**
 * The part a heading line announces, or undefined. The numbering is optional and its style is
 * free (`二、`, `3、`, `（2）`, none); the title must be one of the six.
 */
export function matchPartHeading(line: string): PartSpec | undefined {
  if (line.length > MAX_HEADING_LENGTH * 2) return undefined; // a paragraph: no need to normalise it
  const normalized = normalizeLabel(line);
  if (normalized.length === 0 || normalized.length > MAX_HEADING_LENGTH) return undefined;
  const { text } = splitNumbering(normalized);
  // A trailing note such as （有关情况附表） is not part of the title.
  const bare = text.replace(/[:：。.]$/, '').replace(/\([^()]*\)$/, '');
  const found = PARTS.find((part) => part.pattern.test(bare));
  if (found) return found;
  // Numbering without its punctuation: 一总体情况.
  const unpunctuated = /^[一二三四五六七八九十]{1,2}(.+)$/.exec(bare);
  return unpunctuated ? PARTS.find((part) => part.pattern.test(unpunctuated[1]!)) : undefined;
}

/** Numbering a part heading has (二、 2. 第二部分), not a subsection's （二）. */
const PART_NUMBERING = /^(?:([一二三四五六])[、.．]|([1-6])[、.．](?!\d)|第([一二三四五六])部分[:：、]?)/;
const PART_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** The words a part's heading has however an agency words it, given its number. */
const PART_WORDS: Readonly<Record<number, (text: string) => boolean>> = {
  1: (t) => /^(?:工作)?(?:总体|基本|总的)情况|^概述|^总体/.test(t),
  2: (t) => /^主动公开/.test(t) && /情况|信息|工作/.test(t),
  3: (t) => /申请/.test(t) && /收到|受理|处理|办理/.test(t),
  4: (t) => /行政复议|复议/.test(t) && /诉讼/.test(t),
  5: (t) => /问题/.test(t) && /改进|整改|措施|情况|不足/.test(t),
  6: (t) => /^其他|需要报告|需要说明/.test(t),
};

/**
 * A part heading worded otherwise than the template (四、因政府信息公开工作被申请行政复议、提起行政
 * 诉讼情况): recognised by its number and its key words. Only a part's own numbering counts
 * (四、, 4., 第四部分), and only a short line without a full stop.
 */
export function matchPartHeadingLoosely(line: string): PartSpec | undefined {
  if (line.length > MAX_HEADING_LENGTH * 2) return undefined;
  const normalized = normalizeLabel(line);
  if (normalized.length > MAX_HEADING_LENGTH || /[。；;]/.test(normalized)) return undefined;
  const match = PART_NUMBERING.exec(normalized);
  if (!match) return undefined;
  const part = match[2] ? Number(match[2]) : PART_NUMBERS[match[1] ?? match[3]!]!;
  const text = normalized.slice(match[0].length).replace(/[:：。.]$/, '');
  return PART_WORDS[part]!(text) ? PARTS[part - 1] : undefined;
}

/** The part a line announces, in the template's wording or in another (for the front ends). */
export function partHeadingOf(line: string): PartSpec | undefined {
  return matchPartHeading(line) ?? matchPartHeadingLoosely(line);
}

/**
 * A paragraph that begins with a part's heading and runs on (一、总体情况2023年，我局……): the
 * heading and the rest, or undefined. The longest heading that matches is taken.
 */
export function splitPartHeading(text: string): { heading: string; rest: string; spec: PartSpec } | undefined {
  const trimmed = text.trim();
  if (!PART_NUMBERING.test(normalizeLabel(trimmed.slice(0, 8))) || partHeadingOf(trimmed)) return undefined;
  for (let length = Math.min(trimmed.length - 1, MAX_HEADING_LENGTH + 6); length >= 4; length--) {
    const heading = trimmed.slice(0, length);
    // Worded otherwise, a heading is only taken where its wording ends (……情况, ……事项).
    const spec = matchPartHeading(heading) ?? (/(?:情况|事项|措施)$/.test(heading) ? matchPartHeadingLoosely(heading) : undefined);
    if (!spec) continue;
    const rest = trimmed.slice(length).replace(/^[\s:：。.]+/, '');
    // What follows a heading starts a sentence, never closes a bracket or a quotation.
    if (rest === '' || /^[）)】」』”’，,、；;]/.test(rest)) return undefined;
    return { heading: heading.trim(), rest, spec };
  }
  return undefined;
}
