import { RECEIPT_LINE_RULES, receiptLineProblems } from './receipt-rules';

describe('receipt line rules (berita acara)', () => {
  it('applies unitsAccountedFor, then discrepancyExplained', () => {
    expect(RECEIPT_LINE_RULES.map((rule) => rule.name)).toEqual(['unitsAccountedFor', 'discrepancyExplained']);
  });

  it('refuses RECEIPT_UNBALANCED with the figures, and passes a balanced line', () => {
    expect(receiptLineProblems({ dispatched: 10, accepted: 8, damaged: 1, short: 0, reason: 'x' })).toEqual([
      { code: 'RECEIPT_UNBALANCED', message: 'accepted 8 + damaged 1 + short 0 = 9, but 10 were dispatched' },
    ]);
    expect(receiptLineProblems({ dispatched: 10, accepted: 8, damaged: 1, short: 1, reason: 'x' })).toEqual([]);
  });

  it('refuses DISCREPANCY_REASON_REQUIRED without a reason, and passes a full acceptance or a reasoned discrepancy', () => {
    expect(receiptLineProblems({ dispatched: 10, accepted: 9, damaged: 0, short: 1 })).toEqual([
      { code: 'DISCREPANCY_REASON_REQUIRED', message: 'a line not accepted in full needs a reason' },
    ]);
    expect(receiptLineProblems({ dispatched: 10, accepted: 10, damaged: 0, short: 0 })).toEqual([]);
    expect(receiptLineProblems({ dispatched: 10, accepted: 9, damaged: 0, short: 1, reason: '1 kurang' })).toEqual([]);
  });
});
