import { assertPeriodsOpen, LEDGER_REFUSAL_KIND, periodsOpen } from './ledger-rules';

describe('ledger rules', () => {
  it('lets a movement be dated in open months', () => {
    expect(periodsOpen([])).toBeUndefined();
    expect(() => assertPeriodsOpen([])).not.toThrow();
  });

  it('PERIOD_CLOSED: names the closed months, as a conflict (409)', () => {
    expect(periodsOpen(['2026-10'])).toEqual({
      code: 'PERIOD_CLOSED',
      message: 'period 2026-10 is closed for this agreement',
      details: { periods: ['2026-10'] },
    });
    expect(LEDGER_REFUSAL_KIND.PERIOD_CLOSED).toBe('conflict');
    expect(() => assertPeriodsOpen(['2026-09', '2026-10'])).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'PERIOD_CLOSED', details: { periods: ['2026-09', '2026-10'] } }),
    );
  });
});
