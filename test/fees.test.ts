import { describe, expect, it } from 'vitest';
import { extractFees } from '../src/extract/extract-fees.ts';

const fees = (text: string) => {
  const { noticesSent, amountNotifiedYuan, amountCollectedYuan } = extractFees([{ type: 'paragraph', text, line: 1 }]);
  return { noticesSent, amountNotifiedYuan, amountCollectedYuan };
};

describe('extractFees', () => {
  it('reads the sentences agencies write', () => {
    expect(fees('我街道本年度未收取信息处理费，发出收费通知的件数和总金额以及实际收取的总金额均为0。')).toEqual({
      noticesSent: 0,
      amountNotifiedYuan: 0,
      amountCollectedYuan: 0,
    });
    expect(fees('本年度发出收费通知2件，收费通知的总金额为1,200元，实际收取的总金额为0.12万元。')).toEqual({
      noticesSent: 2,
      amountNotifiedYuan: 1200,
      amountCollectedYuan: 1200,
    });
    expect(fees('本年度没有产生信息公开处理费。')).toEqual({ noticesSent: null, amountNotifiedYuan: null, amountCollectedYuan: 0 });
    expect(fees('2023年度我局无收取信息公开处理费。')).toEqual({ noticesSent: null, amountNotifiedYuan: null, amountCollectedYuan: 0 });
    expect(fees('2025年度本机关未收取信息处理费。')).toEqual({ noticesSent: null, amountNotifiedYuan: null, amountCollectedYuan: 0 });
  });

  it('leaves what is not stated null', () => {
    expect(fees('无')).toEqual({ noticesSent: null, amountNotifiedYuan: null, amountCollectedYuan: null });
    expect(fees('本单位将进一步规范收费管理。')).toEqual({ noticesSent: null, amountNotifiedYuan: null, amountCollectedYuan: null });
  });
});
