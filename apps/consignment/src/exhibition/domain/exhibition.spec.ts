import { autoCloseAt, exhibitionRefusal, hasEnded, sameRequest, type ExhibitionCandidate } from './exhibition';

const candidate = (change: Partial<ExhibitionCandidate> = {}): ExhibitionCandidate => ({
  actor: { role: 'kanwil', scope: 'KW-BANTEN' },
  kanwilCode: 'KW-BANTEN',
  first: '2026-12-07',
  last: '2026-12-09',
  uptCodes: ['LP-TGR-1', 'LP-SRG'],
  uptKanwils: new Map([
    ['LP-TGR-1', 'KW-BANTEN'],
    ['LP-SRG', 'KW-BANTEN'],
    ['LP-CPN', 'KW-DKI'],
  ]),
  venueTaken: false,
  ...change,
});

describe('exhibition rules', () => {
  it('lets a Kanwil gather its own UPTs, and the ministry any once it names the Kanwil', () => {
    expect(exhibitionRefusal(candidate())).toBeUndefined();
    expect(exhibitionRefusal(candidate({ actor: { role: 'ministry', scope: null }, uptCodes: ['LP-TGR-1', 'LP-CPN'] }))).toBeUndefined();
    expect(exhibitionRefusal(candidate({ actor: { role: 'ministry', scope: null }, kanwilCode: undefined }))?.code).toBe('KANWIL_REQUIRED');
  });

  it('refuses, first failing rule first: another region, bad days, a UPT twice, unknown or outside the region, a taken code', () => {
    const code = (c: Partial<ExhibitionCandidate>) => exhibitionRefusal(candidate(c))?.code;
    expect(code({ actor: { role: 'kanwil', scope: 'KW-DKI' } })).toBe('OUT_OF_SCOPE');
    expect(code({ last: '2026-12-06' })).toBe('EVENT_DAYS_INVALID');
    expect(code({ first: '2026-02-30' })).toBe('EVENT_DAYS_INVALID');
    expect(code({ uptCodes: ['LP-SRG', 'LP-SRG'] })).toBe('UPT_LISTED_TWICE');
    expect(code({ uptCodes: ['LP-XXX'] })).toBe('UPT_UNKNOWN');
    expect(code({ uptCodes: ['LP-CPN'] })).toBe('UPT_OUTSIDE_REGION');
    expect(code({ venueTaken: true })).toBe('VENUE_EXISTS');
  });
});

describe('an exhibition in time', () => {
  const pipas = { first: '2026-12-07', last: '2026-12-09', returnWindowDays: 2, timeZone: 'Asia/Makassar' };

  it('has ended from 00:00 after its last day in its zone', () => {
    expect(hasEnded(pipas, new Date('2026-12-09T15:59:59Z'))).toBe(false); // 23:59:59 WITA
    expect(hasEnded(pipas, new Date('2026-12-09T16:00:00Z'))).toBe(true); // 00:00 WITA on the 10th
  });

  it('closes automatically at the end of the return window', () => {
    expect(autoCloseAt(pipas).toISOString()).toBe('2026-12-11T16:00:00.000Z'); // 00:00 WITA on the 12th
  });
});

describe('a retried set-up request', () => {
  it('is the same whatever the order of its keys (jsonb keeps its own), and not with one value changed', () => {
    const asked = { code: 'PIPAS', commissionBp: 1_000, uptCodes: ['LP-TGR-1', 'LP-SRG'], kanwilCode: null };
    const stored = { kanwilCode: null, uptCodes: ['LP-TGR-1', 'LP-SRG'], code: 'PIPAS', commissionBp: 1_000 };
    expect(sameRequest(stored, asked)).toBe(true);
    expect(sameRequest(stored, { ...asked, commissionBp: 1_100 })).toBe(false);
    expect(sameRequest(stored, { ...asked, uptCodes: ['LP-SRG', 'LP-TGR-1'] })).toBe(false);
  });
});
