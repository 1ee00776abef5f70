import { RECEIPT_LINE_RULES, RECEIPT_RULES, receiptLineProblems, receiptRefusal, type ReceiptCandidate } from './receipt-rules';

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

describe('receipt rules (the whole berita acara)', () => {
  const dispatchLine = { productId: 'product-1', lotCode: 'A', expiryDate: '2027-02-20', unitPrice: 25_000 };
  const nothingReceived = { accepted: null, damaged: null, short: null, reason: null };
  const dispatch = {
    number: 'SJ/LP-TGR-1/2026/0001',
    status: 'IN_TRANSIT' as const,
    dispatchedAt: '2026-11-03T02:00:00.000Z',
    lines: [
      { ...dispatchLine, lineNo: 1, quantity: 10, ...nothingReceived },
      { ...dispatchLine, lineNo: 2, lotCode: 'B', quantity: 5, ...nothingReceived },
    ],
  };
  /** A receipt every rule lets through: line 1 in full, line 2 with one damaged unit explained. */
  const candidate = (change: Partial<ReceiptCandidate> = {}): ReceiptCandidate => ({
    dispatch,
    receivedAt: new Date('2026-11-03T15:00:00+07:00'),
    lines: [
      { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
      { lineNo: 2, accepted: 4, damaged: 1, short: 0, reason: 'dus penyok' },
    ],
    ...change,
  });

  it('applies dispatchInTransit, notReceivedBeforeDispatch, eachLineOnce, then linesHold', () => {
    expect(RECEIPT_RULES.map((rule) => rule.name)).toEqual(['dispatchInTransit', 'notReceivedBeforeDispatch', 'eachLineOnce', 'linesHold']);
  });

  it('accepts a receipt every rule lets through, in any line order', () => {
    expect(receiptRefusal(candidate())).toBeUndefined();
    expect(receiptRefusal(candidate({ lines: [...candidate().lines].reverse() }))).toBeUndefined();
  });

  it('ALREADY_RECEIVED and DISPATCH_CANCELLED: refuse a dispatch no longer in transit', () => {
    expect(receiptRefusal(candidate({ dispatch: { ...dispatch, status: 'RECEIVED' } }))).toEqual({
      code: 'ALREADY_RECEIVED',
      message: 'dispatch SJ/LP-TGR-1/2026/0001 is RECEIVED',
      details: { current: 'RECEIVED', requested: 'IN_TRANSIT' },
    });
    expect(receiptRefusal(candidate({ dispatch: { ...dispatch, status: 'CANCELLED' } }))?.code).toBe('DISPATCH_CANCELLED');
  });

  it('RECEIVED_BEFORE_DISPATCH: refuses goods received before they left, passes the very moment they left', () => {
    expect(receiptRefusal(candidate({ receivedAt: new Date('2026-11-03T02:00:00.000Z') }))).toBeUndefined();
    expect(receiptRefusal(candidate({ receivedAt: new Date('2026-11-03T01:59:59.000Z') }))).toEqual({
      code: 'RECEIVED_BEFORE_DISPATCH',
      message: 'receivedAt is before the goods were dispatched',
      details: { field: 'receivedAt' },
    });
  });

  it.each([
    ['a line missing', [{ lineNo: 1, accepted: 10, damaged: 0, short: 0 }]],
    [
      'a line twice',
      [
        { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
        { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
      ],
    ],
    [
      'a line not dispatched',
      [
        { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
        { lineNo: 3, accepted: 5, damaged: 0, short: 0 },
      ],
    ],
  ])('RECEIPT_LINES_MISMATCH: refuses a receipt with %s, naming the lines expected', (_, lines) => {
    expect(receiptRefusal(candidate({ lines }))).toEqual({
      code: 'RECEIPT_LINES_MISMATCH',
      message: 'the receipt must account for each of the 2 dispatch lines exactly once',
      details: { expected: [1, 2] },
    });
  });

  it('RECEIPT_UNBALANCED: refuses the first unbalanced line with its figures', () => {
    const lines = [
      { lineNo: 1, accepted: 10, damaged: 0, short: 0 },
      { lineNo: 2, accepted: 3, damaged: 1, short: 0, reason: 'dus penyok' },
    ];
    expect(receiptRefusal(candidate({ lines }))).toEqual({
      code: 'RECEIPT_UNBALANCED',
      message: 'line 2: accepted 3 + damaged 1 + short 0 = 4, but 5 were dispatched',
      details: { line: 2 },
    });
  });

  it('DISCREPANCY_REASON_REQUIRED: refuses a line not accepted in full without a reason', () => {
    const lines = [
      { lineNo: 1, accepted: 9, damaged: 0, short: 1 },
      { lineNo: 2, accepted: 5, damaged: 0, short: 0 },
    ];
    expect(receiptRefusal(candidate({ lines }))).toEqual({
      code: 'DISCREPANCY_REASON_REQUIRED',
      message: 'line 1: a line not accepted in full needs a reason',
      details: { line: 1 },
    });
  });
});
