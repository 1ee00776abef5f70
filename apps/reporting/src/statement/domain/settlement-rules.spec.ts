import { depositRefusal, NTPN, paymentRefusal, SIMPONI_BILLING_CODE, type SettlementTarget } from './settlement-rules';

const issued: SettlementTarget = { id: 's1', status: 'ISSUED', proceeds: 123_300 };
const paid: SettlementTarget = { ...issued, status: 'PAID' };

describe('payment rules (ISSUED → PAID)', () => {
  it('take the exact proceeds of an issued statement', () => {
    expect(paymentRefusal(issued, { amount: 123_300 })).toBeUndefined();
  });

  it('ILLEGAL_TRANSITION: the statement is not ISSUED', () => {
    for (const status of ['PENDING', 'PAID', 'DEPOSITED'] as const) {
      expect(paymentRefusal({ ...issued, status }, { amount: 123_300 })).toEqual({
        code: 'ILLEGAL_TRANSITION',
        message: `statement s1 is ${status}, not ISSUED`,
        details: { current: status, expected: 'ISSUED' },
      });
    }
  });

  it('AMOUNT_MISMATCH: anything but the proceeds, with both amounts', () => {
    expect(paymentRefusal(issued, { amount: 120_000 })).toEqual({
      code: 'AMOUNT_MISMATCH',
      message: "the statement's proceeds are 123300, not 120000",
      details: { expected: 123_300, received: 120_000 },
    });
  });

  it('refuse the transition before the amount', () => {
    expect(paymentRefusal(paid, { amount: 1 })?.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('deposit rules (PAID → DEPOSITED)', () => {
  it('take the deposit of a paid statement', () => {
    expect(depositRefusal(paid)).toBeUndefined();
  });

  it('ILLEGAL_TRANSITION: the statement is not PAID', () => {
    expect(depositRefusal(issued)).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'statement s1 is ISSUED, not PAID',
      details: { current: 'ISSUED', expected: 'PAID' },
    });
  });

  it('know a SIMPONI billing code (15 digits) and an NTPN (16 letters or digits) by their form', () => {
    expect(SIMPONI_BILLING_CODE.test('820261205000123')).toBe(true);
    expect(SIMPONI_BILLING_CODE.test('12345')).toBe(false);
    expect(NTPN.test('A1B2C3D4E5F6G7H8')).toBe(true);
    expect(NTPN.test('a1b2c3d4e5f6g7h8')).toBe(false);
  });
});
