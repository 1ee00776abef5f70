import { nextSettlementStatus, paymentRefusal, SETTLEMENT_RULES, settlementRefusal } from './settlement-rules';

describe('settlement status rules', () => {
  it('names its rules', () => {
    expect(SETTLEMENT_RULES.map((rule) => rule.name)).toEqual(['movesForward']);
  });

  it('refuses SETTLEMENT_NOT_FORWARD for a status behind or equal to the recorded one, which then stays', () => {
    expect(settlementRefusal({ current: 'PAID', reported: 'ISSUED' })).toEqual({
      code: 'SETTLEMENT_NOT_FORWARD',
      message: 'a PAID statement does not go back to ISSUED',
      details: { current: 'PAID', reported: 'ISSUED' },
    });
    expect(settlementRefusal({ current: 'DEPOSITED', reported: 'DEPOSITED' })?.code).toBe('SETTLEMENT_NOT_FORWARD');
    expect(nextSettlementStatus({ current: 'PAID', reported: 'ISSUED' })).toBe('PAID');
  });

  it('moves a status forward, from nothing reported yet too', () => {
    expect(settlementRefusal({ current: 'PENDING', reported: 'PAID' })).toBeUndefined();
    expect(nextSettlementStatus({ current: 'PENDING', reported: 'ISSUED' })).toBe('ISSUED');
    expect(nextSettlementStatus({ current: 'PAID', reported: 'DEPOSITED' })).toBe('DEPOSITED');
  });
});

describe('reported payment rules', () => {
  const closed = {
    movements: [
      { kind: 'SOLD', count: 2, quantity: -3, amount: -300_000 },
      { kind: 'CUSTOMER_RETURN', count: 1, quantity: 1, amount: 100_000 },
    ],
    receipts: 1,
    shortQuantity: 0,
    saleLines: 2,
  };
  const S = '00000000-0000-4000-8000-000000000001';
  const payment = { statementId: S, amount: 180_000, closed, issued: { statementId: S, proceeds: 180_000 }, commissionBp: 1000 };

  it('accepts the issued proceeds of a closed month', () => {
    expect(paymentRefusal(payment)).toBeUndefined();
  });

  it('refuses a payment for a month never closed, a statement never issued, a different amount, or less than the closed sales leave', () => {
    expect(paymentRefusal({ ...payment, closed: null })?.code).toBe('PAYMENT_MONTH_NOT_CLOSED');
    expect(paymentRefusal({ ...payment, issued: null })?.code).toBe('PAYMENT_STATEMENT_NOT_ISSUED');
    expect(paymentRefusal({ ...payment, amount: 1 })?.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    // a forged issue and payment agreeing on Rp 1 still falls short of the closed month's net sales less commission
    expect(paymentRefusal({ ...payment, amount: 1, issued: { statementId: S, proceeds: 1 } })).toMatchObject({
      code: 'PAYMENT_BELOW_CLOSED_SALES',
      details: { atLeast: 180_000, received: 1 },
    });
  });
});
