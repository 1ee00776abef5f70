import { PERIOD_CLOSE_RULES, periodCloseRefusal, type PeriodCloseCandidate } from './close-rules';

const candidate = (change: Partial<PeriodCloseCandidate> = {}): PeriodCloseCandidate => ({
  actor: { role: 'venue', scope: 'IMI-TGR-LOUNGE' },
  agreement: { id: 'agreement-1', venueCode: 'IMI-TGR-LOUNGE', uptCode: 'LP-TGR-1', timeZone: 'Asia/Jakarta', eventPeriod: null },
  period: '2026-10',
  now: new Date('2026-11-10T09:00:00+07:00'),
  alreadyClosed: false,
  ...change,
});

describe('period close rules', () => {
  it('applies mayClose, periodOfAgreement, periodEnded, notClosedYet in that order', () => {
    expect(PERIOD_CLOSE_RULES.map((rule) => rule.name)).toEqual(['mayClose', 'periodOfAgreement', 'periodEnded', 'notClosedYet']);
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
      message: '2026-11 has not ended at IMI-TGR-LOUNGE (it is 2026-11-10 there)',
      details: { period: '2026-11', today: '2026-11-10', endsAt: '2026-11-30T17:00:00.000Z' },
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

  describe('event periods (decision 0029)', () => {
    const exhibition = {
      id: 'agreement-2',
      venueCode: 'PIPAS-BTN-2026',
      uptCode: 'LP-TGR-1',
      timeZone: 'Asia/Makassar',
      eventPeriod: { first: '2026-12-07', last: '2026-12-09', returnWindowDays: 7 },
    };
    const event = (now: string, period = '2026-12-07..2026-12-09') =>
      periodCloseRefusal(
        candidate({ agreement: exhibition, actor: { role: 'venue', scope: 'PIPAS-BTN-2026' }, period, now: new Date(now) }),
      );

    it('refuses the close until the last day has ended in the venue zone, and accepts it from 00:00 the next day', () => {
      expect(event('2026-12-09T23:59:59.999+08:00')).toMatchObject({
        code: 'PERIOD_NOT_ENDED',
        details: { today: '2026-12-09', endsAt: '2026-12-09T16:00:00.000Z' },
      });
      expect(event('2026-12-10T00:00:00+08:00')).toBeUndefined();
    });

    it('refuses a month at an exhibition agreement, and an event period at a monthly one', () => {
      expect(event('2027-01-05T00:00:00+08:00', '2026-12')).toMatchObject({
        code: 'PERIOD_NOT_OF_AGREEMENT',
        details: { settles: '2026-12-07..2026-12-09' },
      });
      expect(periodCloseRefusal(candidate({ period: '2026-10-01..2026-10-03' }))).toMatchObject({
        code: 'PERIOD_NOT_OF_AGREEMENT',
        details: { settles: 'MONTHLY' },
      });
    });

    it('lets the system close (the automatic close at the end of the return window)', () => {
      expect(
        periodCloseRefusal(
          candidate({
            agreement: exhibition,
            actor: { role: 'system', scope: null },
            period: '2026-12-07..2026-12-09',
            now: new Date('2026-12-17T00:00:00+08:00'),
          }),
        ),
      ).toBeUndefined();
    });
  });
});
