import { describe, expect, it } from 'vitest';
import { looksLikeValue, parseCell } from '../src/report-format/numbers.ts';

const value = (text: string, kind?: Parameters<typeof parseCell>[1]) => {
  const parsed = parseCell(text, kind);
  return parsed.kind === 'number' ? parsed.value : parsed.kind;
};

describe('parseCell', () => {
  it('reads plain, padded, full-width and separated numbers', () => {
    expect(value('0')).toBe(0);
    expect(value('0 ')).toBe(0);
    expect(value('  12\t')).toBe(12);
    expect(value('１２')).toBe(12);
    expect(value('1,234')).toBe(1234);
    expect(value('1，234')).toBe(1234);
    expect(value('1 234')).toBe(1234);
    expect(value('12件')).toBe(12);
  });

  it('reads two numbers in one cell as neither, never as one number', () => {
    for (const text of ['10 0', '1 4', '2\u00a014', '0 0 0', '12 -3']) {
      expect(parseCell(text), text).toEqual({ kind: 'invalid', reason: 'several-numbers' });
    }
  });

  it('reads a cell with a footnote marker or a circled number as no number, never folding it into digits', () => {
    for (const text of ['5¹', '５①', '①', '②③', '12²', '3₄', '⑴', '⒈', '❶', '㉑']) {
      expect(parseCell(text), text).toEqual({ kind: 'invalid', reason: 'marked-digits' });
    }
    // Full-width digits are digits.
    expect(value('３４')).toBe(34);
    expect(looksLikeValue('5¹')).toBe(true);
  });

  it('keeps a blank cell blank, never 0', () => {
    expect(parseCell('')).toEqual({ kind: 'blank' });
    expect(parseCell('   ')).toEqual({ kind: 'blank' });
    expect(parseCell('\u3000')).toEqual({ kind: 'blank' });
  });

  it('refuses what is not a count', () => {
    expect(parseCell('—')).toEqual({ kind: 'invalid', reason: 'not-a-number' });
    expect(parseCell('无')).toEqual({ kind: 'invalid', reason: 'not-a-number' });
    expect(parseCell('1.5')).toEqual({ kind: 'invalid', reason: 'fraction' });
    expect(parseCell('-3')).toEqual({ kind: 'invalid', reason: 'negative' });
    expect(parseCell('12万元')).toEqual({ kind: 'invalid', reason: 'unit' });
    expect(parseCell('99999999999999999999')).toEqual({ kind: 'invalid', reason: 'too-large' });
  });

  it('reads signed changes in 本年增/减 columns', () => {
    expect(value('+12', 'signedCount')).toBe(12);
    expect(value('-3', 'signedCount')).toBe(-3);
    expect(value('－3', 'signedCount')).toBe(-3);
    expect(value('−3', 'signedCount')).toBe(-3);
  });

  it('converts amounts with a unit into the column’s unit without rounding error', () => {
    expect(value('385万元', 'yuan')).toBe(3_850_000);
    expect(value('3.85万元', 'yuan')).toBe(38_500);
    expect(value('1.2亿元', 'yuan')).toBe(120_000_000);
    expect(value('2,500元', 'yuan')).toBe(2500);
    expect(value('385', 'yuan')).toBe(385);
    expect(value('385万元', 'tenThousandYuan')).toBe(385);
    expect(value('0.5', 'tenThousandYuan')).toBe(0.5);
    expect(value('5000元', 'tenThousandYuan')).toBe(0.5);
    expect(parseCell('12件', 'yuan')).toEqual({ kind: 'invalid', reason: 'unit' });
  });

  it('records the unit a cell states', () => {
    expect(parseCell('385万元', 'yuan')).toEqual({ kind: 'number', value: 3_850_000, unitStated: '万元' });
    expect(parseCell('385', 'yuan')).toEqual({ kind: 'number', value: 385, unitStated: null });
  });
});

describe('looksLikeValue', () => {
  it('tells value cells from label cells', () => {
    for (const text of ['', '0', ' 12 ', '１２', '—', '-', '/', '无', '385万元']) expect(looksLikeValue(text)).toBe(true);
    for (const text of ['自然人', '1.属于国家秘密', '（七）总计', '总计', '其他']) expect(looksLikeValue(text)).toBe(false);
  });
});

describe('parseCell with the unit of a bare number', () => {
  it('reads a bare number in the unit its header names, a stated unit as stated', () => {
    expect(value2('1.23', '万元')).toBe(12_300);
    expect(value2('500', '元')).toBe(500);
    expect(value2('2元', '万元')).toBe(2);
  });
});

function value2(text: string, unit: '元' | '万元') {
  const parsed = parseCell(text, 'yuan', unit);
  return parsed.kind === 'number' ? parsed.value : parsed.kind;
}
