import { checkReturn, returnableLines, returnRequest, returnSlipNo, type RecordedReturn, type SoldLine } from './customer-return-form';

const sold = (lineNo: number, quantity: number, receiptNo = 'TGR-0001'): SoldLine => ({
  receiptNo,
  lineNo,
  agreementId: 'ag-1',
  productId: `p-${lineNo}`,
  quantity,
  unitPrice: 25_000,
  amount: quantity * 25_000,
  soldAt: '2026-11-25T03:00:00.000Z',
});
const returned = (lineNo: number, quantity: number, receiptNo = 'TGR-0001'): RecordedReturn => ({
  returnNo: `RT-${lineNo}-${quantity}`,
  receiptNo,
  lineNo,
  quantity,
  resellable: true,
  amount: quantity * 25_000,
  returnedAt: '2026-11-26T03:00:00.000Z',
});

describe('the customer return form', () => {
  const lines = returnableLines([sold(2, 1), sold(1, 5)], [returned(1, 2), returned(1, 1, 'OTHER'), returned(2, 1)]);

  it("lists the receipt's lines in order with what remains after earlier returns of the same receipt", () => {
    expect(lines.map((l) => [l.sale.lineNo, l.returned, l.remaining])).toEqual([
      [1, 2, 3],
      [2, 1, 0],
    ]);
  });

  it('is ready with a line, a quantity within what remains, a condition and a reason; shows the refund', () => {
    const check = checkReturn(lines, { lineNo: 1, quantity: '3', resellable: false, reason: ' kemasan penyok ' });
    expect(check).toMatchObject({ problems: [], quantity: 3, refund: 75_000 });
    expect(returnRequest('RT-1', check, { lineNo: 1, quantity: '3', resellable: false, reason: ' kemasan penyok ' })).toEqual({
      returnNo: 'RT-1',
      receiptNo: 'TGR-0001',
      lineNo: 1,
      quantity: 3,
      resellable: false,
      reason: 'kemasan penyok',
    });
  });

  it('names each problem: no line, not a whole quantity, more than remains, no condition, no reason', () => {
    expect(checkReturn(lines, { quantity: '', reason: '' }).problems).toEqual(['NO_LINE', 'NOT_A_QUANTITY', 'NO_CONDITION', 'NO_REASON']);
    expect(checkReturn(lines, { lineNo: 1, quantity: '1.5', resellable: true, reason: 'x' }).problems).toEqual(['NOT_A_QUANTITY']);
    expect(checkReturn(lines, { lineNo: 1, quantity: '0', resellable: true, reason: 'x' }).problems).toEqual(['NOT_A_QUANTITY']);
    expect(checkReturn(lines, { lineNo: 1, quantity: '4', resellable: true, reason: 'x' }).problems).toEqual(['EXCEEDS_SALE']);
    expect(checkReturn(lines, { lineNo: 2, quantity: '1', resellable: true, reason: 'x' }).problems).toEqual(['EXCEEDS_SALE']);
    expect(() => returnRequest('RT-1', checkReturn(lines, { quantity: '', reason: '' }), { quantity: '', reason: '' })).toThrow(
      'not ready',
    );
  });

  it('makes a slip number from the receipt and the moment, within 60 characters', () => {
    expect(returnSlipNo('TGR-0001', new Date(0))).toBe('RT-TGR-0001-0');
    expect(returnSlipNo('X'.repeat(70), new Date()).length).toBe(60);
  });
});
