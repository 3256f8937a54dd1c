/**
 * The six parts of a report and how their headings are recognised. Headings vary in the wild:
 * `二、主动公开…`, `3、 收到…`, no number at all, `（1）` where `（一）` is expected.
 */
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
    title: '主动公开政府信息情况',
    pattern: /^主动公开政府信息(?:的)?(?:情况|工作情况)$/,
  },
  {
    part: 3,
    key: 'applications',
    title: '收到和处理政府信息公开申请情况',
    pattern: /^收到和处理政府信息公开申请(?:的)?情况$/,
  },
  {
    part: 4,
    key: 'reviewLitigation',
    title: '政府信息公开行政复议、行政诉讼情况',
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
