import { describe, expect, it } from 'vitest';
import { normalizeLabel, numeralValue, splitNumbering } from '../src/report-format/labels.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchPartHeading, partHeadingOf, splitPartHeading } from '../src/report-format/parts.ts';
import { parseReportBytes } from '../src/parse-report.ts';

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

describe('part headings as real reports word them', () => {
  const part = (line: string) => partHeadingOf(line)?.part;

  it('recognises a part by its number and key words', () => {
    expect(part('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')).toBe(4);
    expect(part('第四部分 行政复议和行政诉讼情况')).toBe(4);
    expect(part('3.政府信息公开申请办理情况')).toBe(3);
    expect(part('收到和处理政府信息公开申请情况')).toBe(3);
    expect(part('五、存在的问题和不足')).toBe(5);
  });

  it('does not take a table’s row labels or a subsection for a part', () => {
    for (const line of ['三、本年度办理结果', '二、上年结转政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '四、结转下年度继续办理', '（二）主动公开', '五、信息处理费收取情况']) {
      expect(part(line), line).toBeUndefined();
    }
  });

  it('splits a heading run together with its first sentence, and leaves a heading with a note alone', () => {
    expect(splitPartHeading('一、总体情况2023年，我局坚持公开为常态。')).toMatchObject({ heading: '一、总体情况', rest: '2023年，我局坚持公开为常态。' });
    expect(splitPartHeading('五、存在的主要问题及改进情况一是公开内容还不够丰富。')).toMatchObject({
      heading: '五、存在的主要问题及改进情况',
      rest: '一是公开内容还不够丰富。',
    });
    expect(splitPartHeading('二、主动公开政府信息情况（有关情况附表）')).toBeUndefined();
    expect(splitPartHeading('一、总体情况')).toBeUndefined();
  });
});

describe('a report whose headings are worded otherwise', () => {
  const sample = readFileSync(join(import.meta.dirname, 'fixtures', '2021-template-label-drift', 'input.txt'), 'utf8');

  it('finds every part, and a subsection worded like a part does not take its place', async () => {
    const text = sample
      .replace(/^政府信息公开行政复议、行政诉讼情况$/m, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')
      .replace(/^(一、总体情况)$/m, '$1\n二、主动公开工作\n本年度主动公开信息若干条。');
    const report = await parseReportBytes('reports/x.txt', Buffer.from(text));
    expect(report.sections.map((section) => section.part)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.sections.find((section) => section.part === 4)!.heading).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(report.sections.find((section) => section.part === 2)!.heading).not.toBe('二、主动公开工作');
    const original = await parseReportBytes('reports/x.txt', Buffer.from(sample));
    expect(report.reviewLitigation).toEqual(original.reviewLitigation);
  });

  it('names the agency from an attachment line when the title does not', async () => {
    const text = sample.replace(/^世纪街道2021年政府信息公开工作报告$/m, '附件：某某省某某厅2021年政府信息公开工作年度报告');
    const report = await parseReportBytes('reports/x.txt', Buffer.from(text));
    expect(report.agency.name).toBe('某某省某某厅');
  });
});
