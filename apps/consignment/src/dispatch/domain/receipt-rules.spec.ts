import { RECEIPT_LINE_RULES, receiptLineProblems } from './receipt-rules';

describe('receipt line rules (berita acara)', () => {
  it('applies unitsAccountedFor, then discrepancyExplained', () => {
    expect(RECEIPT_LINE_RULES.map((rule) => rule.name)).toEqual(['unitsAccountedFor', 'discrepancyExplained']);
  });
});

describe('receipt balance rule', () => {
  it('accepts a line whose accepted + damaged + short equals what was dispatched', () => {
    expect(receiptLineProblems({ dispatched: 10, accepted: 10, damaged: 0, short: 0 })).toEqual([]);
    expect(receiptLineProblems({ dispatched: 10, accepted: 7, damaged: 2, short: 1, reason: 'dus penyok, 1 kurang' })).toEqual([]);
  });

  it('refuses an unbalanced line, naming the figures', () => {
    expect(receiptLineProblems({ dispatched: 10, accepted: 8, damaged: 1, short: 0, reason: 'x' })).toEqual([
      { code: 'RECEIPT_UNBALANCED', message: 'accepted 8 + damaged 1 + short 0 = 9, but 10 were dispatched' },
    ]);
  });

  it('needs a reason when not all was accepted', () => {
    expect(receiptLineProblems({ dispatched: 10, accepted: 9, damaged: 1, short: 0 }).map((p) => p.code)).toEqual([
      'DISCREPANCY_REASON_REQUIRED',
    ]);
    expect(receiptLineProblems({ dispatched: 10, accepted: 9, damaged: 0, short: 1, reason: '  ' }).map((p) => p.code)).toEqual([
      'DISCREPANCY_REASON_REQUIRED',
    ]);
  });
});
