import {
  DEPOSIT_RULES,
  depositRefusal,
  NTPN,
  paymentRefusal,
  SETTLEMENT_REFUSAL_KIND,
  SIMPONI_BILLING_CODE,
  type DepositInput,
  type SettlementTarget,
} from './settlement-rules';

const issued: SettlementTarget = { id: 's1', status: 'ISSUED', proceeds: 123_300, pnbp: 18_495 };
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
  const deposit: DepositInput = { amount: 18_495, ntpn: 'A1B2C3D4E5F6G7H8', ntpnUsed: false };

  it('applies them in order: the transition, the NTPN, the amount', () => {
    expect(DEPOSIT_RULES.slice(1).map((rule) => rule.name)).toEqual(['ntpnNotUsedBefore', 'amountIsThePnbpShare']);
    expect(depositRefusal(issued, { ...deposit, ntpnUsed: true, amount: 1 })?.code).toBe('ILLEGAL_TRANSITION');
    expect(depositRefusal(paid, { ...deposit, ntpnUsed: true, amount: 1 })?.code).toBe('NTPN_ALREADY_USED');
  });

  it('take the deposit of the PNBP share of a paid statement, with an NTPN not used before', () => {
    expect(depositRefusal(paid, deposit)).toBeUndefined();
  });

  it('ILLEGAL_TRANSITION: the statement is not PAID', () => {
    expect(depositRefusal(issued, deposit)).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'statement s1 is ISSUED, not PAID',
      details: { current: 'ISSUED', expected: 'PAID' },
    });
  });

  it('NTPN_ALREADY_USED: an NTPN that settles another deposit already (409)', () => {
    expect(depositRefusal(paid, { ...deposit, ntpnUsed: true })).toEqual({
      code: 'NTPN_ALREADY_USED',
      message: 'NTPN A1B2C3D4E5F6G7H8 already settles another deposit; each state receipt is recorded once',
      details: { field: 'ntpn', ntpn: 'A1B2C3D4E5F6G7H8' },
    });
    expect(SETTLEMENT_REFUSAL_KIND.NTPN_ALREADY_USED).toBe('conflict');
  });

  it('AMOUNT_MISMATCH: a deposit of anything but the PNBP share, with both amounts (422)', () => {
    expect(depositRefusal(paid, { ...deposit, amount: 18_494 })).toEqual({
      code: 'AMOUNT_MISMATCH',
      message: "the statement's PNBP share is 18495, not 18494",
      details: { field: 'amount', expected: 18_495, received: 18_494 },
    });
  });

  it('know a SIMPONI billing code (15 digits) and an NTPN (16 letters or digits) by their form', () => {
    expect(SIMPONI_BILLING_CODE.test('820261205000123')).toBe(true);
    expect(SIMPONI_BILLING_CODE.test('12345')).toBe(false);
    expect(NTPN.test('A1B2C3D4E5F6G7H8')).toBe(true);
    expect(NTPN.test('a1b2c3d4e5f6g7h8')).toBe(false);
  });
});
