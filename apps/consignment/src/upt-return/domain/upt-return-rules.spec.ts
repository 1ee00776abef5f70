import { RETURN_LINE_RULES, RETURN_RECEIPT_RULES, returnLineRefusal, returnReceiptRefusal } from './upt-return-rules';

describe('return to UPT rules', () => {
  it('names its rules', () => {
    expect(RETURN_LINE_RULES.map((rule) => rule.name)).toEqual(['enoughOnHand']);
    expect(RETURN_RECEIPT_RULES.map((rule) => rule.name)).toEqual(['stillShipped']);
  });

  it('refuses INSUFFICIENT_STOCK with the figures, and passes returning all that is on hand', () => {
    expect(returnLineRefusal({ lineNo: 2, quantity: 4, bucket: 'QUARANTINE', onHand: 3 })).toEqual({
      code: 'INSUFFICIENT_STOCK',
      message: 'line 2: 4 to return, 3 on hand in QUARANTINE',
      details: { line: 2, requested: 4, available: 3 },
    });
    expect(returnLineRefusal({ lineNo: 2, quantity: 3, bucket: 'QUARANTINE', onHand: 3 })).toBeUndefined();
  });

  it('refuses ALREADY_RECEIVED for a received return, and passes one still shipped', () => {
    expect(returnReceiptRefusal({ returnId: 'return-1', status: 'RECEIVED' })).toEqual({
      code: 'ALREADY_RECEIVED',
      message: 'return return-1 is RECEIVED',
      details: { current: 'RECEIVED', requested: 'RECEIVED' },
    });
    expect(returnReceiptRefusal({ returnId: 'return-1', status: 'SHIPPED' })).toBeUndefined();
  });
});
