import { DomainError, refuse } from '@titipan/kernel';
import { defaultEffectiveFrom, targetOn, type PnbpTargetRevision } from './pnbp-target';
import { TARGET_REFUSAL_KIND, TARGET_RULES, targetRefusal, type TargetChange } from './pnbp-target-rules';

const revision = (effectiveFrom: string, amount: number): PnbpTargetRevision => ({
  uptCode: 'LP-TGR-1',
  year: 2026,
  amount,
  effectiveFrom,
  legalReference: null,
  setAt: `${effectiveFrom}T01:00:00.000Z`,
  setBy: 'ministry',
});
const history = [revision('2026-01-01', 50_000_000), revision('2026-07-01', 60_000_000)];
const change = (c: Partial<TargetChange> = {}): TargetChange => ({
  year: 2026,
  amount: 70_000_000,
  effectiveFrom: '2026-10-01',
  history,
  ...c,
});

describe('PNBP target rules', () => {
  it('applies the rules in order', () => {
    expect(TARGET_RULES.map((rule) => rule.name)).toEqual(['withinItsYear', 'notRewritingHistory']);
    expect(targetRefusal(change({ year: 2027, effectiveFrom: '2026-07-01' }))?.code).toBe('TARGET_OUTSIDE_YEAR');
  });

  it('adds a revision on a new day of the year, and takes the same revision again (a retry)', () => {
    expect(targetRefusal(change())).toBeUndefined();
    expect(targetRefusal(change({ effectiveFrom: '2026-07-01', amount: 60_000_000 }))).toBeUndefined();
  });

  it('TARGET_OUTSIDE_YEAR: refuses a revision dated outside its year (422)', () => {
    const refusal = targetRefusal(change({ effectiveFrom: '2027-01-01' }));
    expect(refusal).toEqual({
      code: 'TARGET_OUTSIDE_YEAR',
      message: 'a 2026 target takes effect on a day of 2026, not 2027-01-01',
      details: { field: 'effectiveFrom', year: 2026, effectiveFrom: '2027-01-01' },
    });
    expect(() => refuse(refusal!, TARGET_REFUSAL_KIND)).toThrow(expect.objectContaining({ kind: 'rule' }) as DomainError);
  });

  it('TARGET_ALREADY_SET: refuses another amount on a day that has one (409)', () => {
    const refusal = targetRefusal(change({ effectiveFrom: '2026-07-01', amount: 65_000_000 }));
    expect(refusal).toEqual({
      code: 'TARGET_ALREADY_SET',
      message: 'the target from 2026-07-01 is already 60000000; revise it from another day',
      details: { effectiveFrom: '2026-07-01', amount: 60_000_000, requested: 65_000_000 },
    });
    expect(TARGET_REFUSAL_KIND.TARGET_ALREADY_SET).toBe('conflict');
  });

  it('reads the revision in effect on a day, none before the first', () => {
    expect(targetOn(history, '2025-12-31')).toBeUndefined();
    expect(targetOn(history, '2026-06-30')?.amount).toBe(50_000_000);
    expect(targetOn(history, '2026-07-01')?.amount).toBe(60_000_000);
    expect(targetOn([...history].reverse(), '2026-12-31')?.amount).toBe(60_000_000);
  });

  it('dates the first revision of a year 1 January, later ones today within the year', () => {
    expect(defaultEffectiveFrom([], 2027, '2026-11-30')).toBe('2027-01-01');
    expect(defaultEffectiveFrom(history, 2026, '2026-11-30')).toBe('2026-11-30');
    expect(defaultEffectiveFrom(history, 2026, '2027-02-01')).toBe('2026-12-31');
    expect(defaultEffectiveFrom(history, 2026, '2025-02-01')).toBe('2026-01-01');
  });
});
