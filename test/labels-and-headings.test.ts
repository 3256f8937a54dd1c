import { describe, expect, it } from 'vitest';
import { normalizeLabel, numeralValue, splitNumbering } from '../src/report-format/labels.ts';
import { matchPartHeading } from '../src/report-format/parts.ts';

describe('normalizeLabel', () => {
  it('folds full-width forms, spaces and quotes', () => {
    expect(normalizeLabel('3.危及“三安全一稳定”')).toBe('3.危及三安全一稳定');
    expect(normalizeLabel('（二） 部分公开')).toBe('(二)部分公开');
    expect(normalizeLabel('第二十条  第（一）项')).toBe('第二十条第(一)项');
    expect(normalizeLabel('１．属于国家秘密 ')).toBe('1.属于国家秘密');
  });
});

describe('splitNumbering', () => {
  it('separates every numbering style from the label', () => {
    expect(splitNumbering('（三）不予公开')).toEqual({ number: '三', text: '不予公开' });
    expect(splitNumbering('(3)不予公开')).toEqual({ number: '3', text: '不予公开' });
    expect(splitNumbering('1.属于国家秘密')).toEqual({ number: '1', text: '属于国家秘密' });
    expect(splitNumbering('1、属于国家秘密')).toEqual({ number: '1', text: '属于国家秘密' });
    expect(splitNumbering('四、结转下年度继续办理')).toEqual({ number: '四', text: '结转下年度继续办理' });
    expect(splitNumbering('总计')).toEqual({ number: null, text: '总计' });
  });

  it('reads Chinese numerals', () => {
    expect(numeralValue('三')).toBe(3);
    expect(numeralValue('十')).toBe(10);
    expect(numeralValue('十二')).toBe(12);
    expect(numeralValue('二十')).toBe(20);
    expect(numeralValue('7')).toBe(7);
    expect(numeralValue('甲')).toBeNaN();
  });
});

describe('matchPartHeading', () => {
  const part = (line: string) => matchPartHeading(line)?.part;

  it('recognises the six parts with any numbering or none', () => {
    expect(part('一、总体情况')).toBe(1);
    expect(part(' 一、总体情况')).toBe(1);
    expect(part('二、主动公开政府信息情况')).toBe(2);
    expect(part('主动公开政府信息情况')).toBe(2);
    expect(part('3、 收到和处理政府信息公开申请情况')).toBe(3);
    expect(part('三．收到和处理政府信息公开申请情况')).toBe(3);
    expect(part('（四）政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(part('4、 政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(part('五、存在的主要问题及改进情况')).toBe(5);
    expect(part('第六部分 其他需要报告的事项')).toBe(6);
    expect(part('六、其他需要报告的事项：')).toBe(6);
  });

  it('does not take table labels or sentences for part headings', () => {
    expect(part('三、本年度办理结果')).toBeUndefined();
    expect(part('四、结转下年度继续办理')).toBeUndefined();
    expect(part('（一）予以公开')).toBeUndefined();
    expect(part('2021年，街道认真开展政务公开工作，总体情况良好，主动公开政府信息情况详见下表。')).toBeUndefined();
  });
});

describe('matchPartHeading on web pages', () => {
  it('reads numbering without punctuation and titles with a trailing note', () => {
    expect(matchPartHeading('一总体情况')?.part).toBe(1);
    expect(matchPartHeading('二、主动公开政府信息情况（有关情况附表）')?.part).toBe(2);
    expect(matchPartHeading('　　三、收到和处理政府信息公开申请情况（有关情况附表）')?.part).toBe(3);
    expect(matchPartHeading('六、存在的主要问题及改进措施')?.part).toBe(5);
    expect(matchPartHeading('五、信息处理费收取情况')).toBeUndefined();
  });
});
