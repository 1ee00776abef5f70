import { PERIOD_CLOSE_RULES, periodCloseRefusal, type PeriodCloseCandidate } from './close-rules';

const candidate = (change: Partial<PeriodCloseCandidate> = {}): PeriodCloseCandidate => ({
  actor: { role: 'venue', scope: 'IMI-TGR-LOUNGE' },
  agreement: { id: 'agreement-1', venueCode: 'IMI-TGR-LOUNGE', uptCode: 'LP-TGR-1' },
  period: '2026-10',
  current: '2026-11',
  alreadyClosed: false,
  ...change,
});

describe('period close rules', () => {
  it('applies mayClose, periodEnded, notClosedYet in that order', () => {
    expect(PERIOD_CLOSE_RULES.map((rule) => rule.name)).toEqual(['mayClose', 'periodEnded', 'notClosedYet']);
    expect(periodCloseRefusal(candidate({ actor: { role: 'kanwil', scope: 'KW-BANTEN' }, alreadyClosed: true }))?.code).toBe(
      'OUT_OF_SCOPE',
    );
  });

  it('refuses OUT_OF_SCOPE to anyone but the venue, the UPT or an admin', () => {
    expect(periodCloseRefusal(candidate({ actor: { role: 'upt', scope: 'RT-SRG-1' } }))).toEqual({
      code: 'OUT_OF_SCOPE',
      message: 'upt of RT-SRG-1 is not a party to agreement agreement-1',
      details: { role: 'upt', scope: 'RT-SRG-1' },
    });
    for (const actor of [
      { role: 'upt' as const, scope: 'LP-TGR-1' },
      { role: 'admin' as const, scope: null },
      { role: 'venue' as const, scope: 'IMI-TGR-LOUNGE' },
    ]) {
      expect(periodCloseRefusal(candidate({ actor }))).toBeUndefined();
    }
  });

  it('refuses PERIOD_NOT_ENDED for the current month, and passes the one before', () => {
    expect(periodCloseRefusal(candidate({ period: '2026-11' }))).toEqual({
      code: 'PERIOD_NOT_ENDED',
      message: '2026-11 has not ended at IMI-TGR-LOUNGE (it is 2026-11 there)',
      details: { period: '2026-11', current: '2026-11' },
    });
    expect(periodCloseRefusal(candidate({ period: '2026-10' }))).toBeUndefined();
  });

  it('refuses PERIOD_ALREADY_CLOSED, and passes a month not closed yet', () => {
    expect(periodCloseRefusal(candidate({ alreadyClosed: true }))).toEqual({
      code: 'PERIOD_ALREADY_CLOSED',
      message: '2026-10 is already closed for this agreement',
      details: { period: '2026-10' },
    });
    expect(periodCloseRefusal(candidate({ alreadyClosed: false }))).toBeUndefined();
  });
});
