import { byUrgency, depositProblems, depositRequest, normalNtpn, pnbpPart, progressOf, type DepositForm } from './settlement';

const split = [
  { name: 'PNBP', basisPoints: 1_500, legalReference: 'Kepmen M.01-PP.02.01/1990', amount: 33_345 },
  { name: 'PREMI', basisPoints: 5_000, legalReference: 'PP 32/1999 pasal 29', amount: 111_150 },
  { name: 'CAPITAL', basisPoints: 3_500, legalReference: 'Kepmen M.01-PP.02.01/1990', amount: 77_805 },
];
const form: DepositForm = { amount: '33.345', simponiBillingCode: '820261205000123', ntpn: 'A1B2C3D4E5F6G7H8', depositedOn: '2026-12-08' };

describe('the PNBP deposit', () => {
  it("pre-fills the statement's PNBP part; none while no split policy covers the month", () => {
    expect(pnbpPart(split)?.amount).toBe(33_345);
    expect(pnbpPart(null)).toBeUndefined();
  });

  it('takes a 15-digit billing code and a 16-character NTPN, as printed or typed loosely', () => {
    expect(depositProblems(form)).toEqual([]);
    expect(depositRequest({ ...form, simponiBillingCode: '8202 6120 5000 123', ntpn: 'a1b2 c3d4 e5f6 g7h8' })).toEqual({
      amount: 33_345,
      simponiBillingCode: '820261205000123',
      ntpn: 'A1B2C3D4E5F6G7H8',
      depositedOn: '2026-12-08',
    });
    expect(normalNtpn(' ab ')).toBe('AB');
  });

  it('names what is wrong before sending', () => {
    expect(depositProblems({ amount: 'tiga', simponiBillingCode: '82026', ntpn: 'A1B2-C3D4E5F6G7H8', depositedOn: '' })).toEqual([
      'AMOUNT',
      'BILLING_CODE',
      'NTPN',
      'DATE',
    ]);
    expect(depositProblems({ ...form, ntpn: 'A1B2C3D4E5F6G7H' })).toEqual(['NTPN']);
  });
});

describe('the PNBP against the target', () => {
  it('shows deposited and issued as hundredths of a percent of the target, rounded down, and what remains', () => {
    expect(progressOf({ uptCode: 'LP-TGR-1', target: 120_000_000, issued: 33_345, deposited: 33_345, progress: 0.0003 })).toEqual({
      depositedPct: 0.02,
      issuedPct: 0.02,
      remaining: 119_966_655,
      reached: false,
    });
    expect(progressOf({ uptCode: 'X', target: 1_000, issued: 600, deposited: 333, progress: 0.333 })).toMatchObject({
      depositedPct: 33.3,
      issuedPct: 60,
      remaining: 667,
    });
    expect(progressOf({ uptCode: 'X', target: 1_000, issued: 1_200, deposited: 1_100, progress: 1.1 })).toMatchObject({
      remaining: 0,
      reached: true,
    });
  });

  it('lists statements awaiting the UPT first, newest month first', () => {
    const s = (status: string, period: string, venueCode = 'V') => ({ status, period, venueCode });
    expect(byUrgency([s('DEPOSITED', '2026-10'), s('ISSUED', '2026-10'), s('PAID', '2026-09'), s('PAID', '2026-10')])).toEqual([
      s('PAID', '2026-10'),
      s('PAID', '2026-09'),
      s('ISSUED', '2026-10'),
      s('DEPOSITED', '2026-10'),
    ]);
  });
});
