import { nextSettlementStatus, SETTLEMENT_RULES, settlementRefusal } from './settlement-rules';

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
