import { DomainError, refuse } from '@titipan/kernel';
import { approvalTime, REVIEW_REFUSAL_KIND, REVIEW_RULES, reviewRefusal } from './review-rules';

describe('review rules', () => {
  const now = new Date('2026-11-30T10:00:00Z'); // 17:00 WIB on 30 November

  it('applies its rules in order', () => {
    expect(REVIEW_RULES.map((rule) => rule.name)).toEqual(['notDecidedInFuture', 'decidedWithinAYear']);
  });

  it('takes a decision of today or of an earlier day', () => {
    expect(reviewRefusal({ decidedOn: '2026-11-30', now })).toBeUndefined();
    expect(reviewRefusal({ decidedOn: '2026-01-01', now })).toBeUndefined();
    expect(reviewRefusal({ decidedOn: '2025-11-29', now })).toBeUndefined(); // 366 days before
  });

  it('DECIDED_TOO_LONG_AGO: refuses a decision dated more than a year before today (422)', () => {
    const refusal = reviewRefusal({ decidedOn: '2025-11-28', now });
    expect(refusal).toEqual({
      code: 'DECIDED_TOO_LONG_AGO',
      message: 'decidedOn 2025-11-28 is more than 366 days ago; the earliest day is 2025-11-29',
      details: { field: 'decidedOn', earliest: '2025-11-29' },
    });
    expect(reviewRefusal({ decidedOn: '0000-12-31', now })?.code).toBe('DECIDED_TOO_LONG_AGO');
    expect(REVIEW_REFUSAL_KIND.DECIDED_TOO_LONG_AGO).toBe('rule');
  });

  it('DECIDED_IN_FUTURE: refuses a decision dated after today in WIB (422)', () => {
    const refusal = reviewRefusal({ decidedOn: '2026-12-01', now });
    expect(refusal).toEqual({
      code: 'DECIDED_IN_FUTURE',
      message: 'decidedOn 2026-12-01 is after today (2026-11-30, WIB)',
      details: { field: 'decidedOn', today: '2026-11-30' },
    });
    expect(() => refuse(refusal!, REVIEW_REFUSAL_KIND)).toThrow(expect.objectContaining({ kind: 'rule' }) as DomainError);
  });

  it('reads the day in WIB: 23:30 WIB is still that day', () => {
    expect(reviewRefusal({ decidedOn: '2026-12-01', now: new Date('2026-11-30T16:30:00Z') })).toBeDefined();
    expect(reviewRefusal({ decidedOn: '2026-12-01', now: new Date('2026-11-30T17:00:00Z') })).toBeUndefined(); // 00:00 WIB on 1 December
  });

  it('takes effect at the start of the decision day in WIB, or now when decided today', () => {
    expect(approvalTime('2026-01-01', now).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(approvalTime('2026-11-30', now)).toBe(now);
  });
});
