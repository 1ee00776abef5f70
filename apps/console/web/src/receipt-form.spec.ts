import { receiptLineProblems, receiptReady } from './receipt-form';
import { describeRefusal, figuresOf } from './refusal';

describe('the receipt form', () => {
  const line = { lineNo: 1, dispatched: 10, accepted: 10, damaged: 0, short: 0, reason: '' };
  it('holds when accepted + damaged + short = dispatched, with a reason unless all were accepted', () => {
    expect(receiptLineProblems(line)).toEqual([]);
    expect(receiptLineProblems({ ...line, accepted: 9, damaged: 1 })).toEqual(['REASON_REQUIRED']);
    expect(receiptLineProblems({ ...line, accepted: 9, damaged: 1, reason: 'Kemasan rusak' })).toEqual([]);
    expect(receiptLineProblems({ ...line, accepted: 9 })).toEqual(['UNBALANCED', 'REASON_REQUIRED']);
    expect(receiptLineProblems({ ...line, accepted: Number.NaN })).toEqual(['NOT_A_COUNT']);
    expect(receiptReady([line, { ...line, lineNo: 2, accepted: 8 }])).toBe(false);
  });
});

describe('refusals in words', () => {
  const t = (key: string, values: Record<string, unknown> = {}) =>
    key === 'refusal.INSUFFICIENT_STOCK'
      ? `Stok tidak cukup: diminta ${String(values.requested)}, tersedia ${String(values.available)}`
      : key === 'refusal.OTHER'
        ? `Ditolak (${String(values.code)}): ${String(values.message)}`
        : '';
  it('uses the console sentence with the figures, else the service words', () => {
    expect(describeRefusal({ code: 'INSUFFICIENT_STOCK', message: 'x', details: { requested: 1200, available: 9, expired: 0 } }, t)).toBe(
      'Stok tidak cukup: diminta 1.200, tersedia 9',
    );
    expect(describeRefusal({ code: 'NEW_CODE', message: 'something' }, t)).toBe('Ditolak (NEW_CODE): something');
  });
  it('formats money, basis points and days', () => {
    expect(figuresOf({ listPrice: 25000, maxDiscountBp: 1000, expiryDate: '2026-12-01', lotCode: 'A-1' })).toEqual({
      listPrice: 'Rp 25.000',
      maxDiscountBp: '10%',
      expiryDate: '1 Des 2026',
      lotCode: 'A-1',
    });
  });
});
