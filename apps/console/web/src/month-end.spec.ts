import { formatDayRange, formatMonth } from './format';
import {
  closesFrom,
  currentMonth,
  eventDaysOf,
  hasEnded,
  hasMovements,
  lastEndedMonth,
  monthsToOffer,
  nextMonth,
  openingPeriod,
  parseRupiah,
  periodLabel,
  periodsToOffer,
  settlesIn,
  paymentProblems,
  sameTotals,
  stillComposing,
  type ControlTotals,
} from './month-end';
import { describeRefusal } from './refusal';

describe('the month a venue closes', () => {
  // 1 Dec 2026, 00.30 in Makassar (WITA) is still 30 Nov in Jakarta (WIB)
  const at = new Date('2026-11-30T16:30:00Z');
  it("counts months in the venue's zone", () => {
    expect(currentMonth(at, 'Asia/Makassar')).toBe('2026-12');
    expect(currentMonth(at, 'Asia/Jakarta')).toBe('2026-11');
    expect(lastEndedMonth(at, 'Asia/Makassar')).toBe('2026-11');
    expect(lastEndedMonth(at, 'Asia/Jakarta')).toBe('2026-10');
  });
  it('has ended only before the current month (PERIOD_NOT_ENDED otherwise)', () => {
    expect(hasEnded('2026-11', at, 'Asia/Makassar')).toBe(true);
    expect(hasEnded('2026-11', at, 'Asia/Jakarta')).toBe(false);
    expect(hasEnded('2027-01', at, 'Asia/Jakarta')).toBe(false);
  });
  it('offers the current month and the twelve before it, across a year', () => {
    const months = monthsToOffer(new Date('2026-02-10T05:00:00Z'), 'Asia/Jakarta');
    expect(months.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(months).toHaveLength(13);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(formatMonth('2026-10')).toBe('Oktober 2026');
  });
});

describe("an exhibition's event period (decision 0029)", () => {
  const event = '2026-11-27..2026-11-29';
  const days = { first: '2026-11-27', last: '2026-11-29' };
  const lounge = { eventPeriod: null };
  const booth = { eventPeriod: { ...days, returnWindowDays: 3 } };
  const now = new Date('2026-12-01T03:00:00Z');

  it("has ended from 00:00 of the day after its last day in the venue's zone, not at 23:59 of the last day", () => {
    // 29 Nov 23:59 WIB is 16:59 UTC; 30 Nov 00:00 WIB is 17:00 UTC
    expect(hasEnded(event, new Date('2026-11-29T16:59:00Z'), 'Asia/Jakarta')).toBe(false);
    expect(hasEnded(event, new Date('2026-11-29T16:59:59.999Z'), 'Asia/Jakarta')).toBe(false);
    expect(hasEnded(event, new Date('2026-11-29T17:00:00Z'), 'Asia/Jakarta')).toBe(true);
    // the same instants in Jayapura (WIT, UTC+9): 30 Nov 00:00 there is 29 Nov 15:00 UTC
    expect(hasEnded(event, new Date('2026-11-29T14:59:00Z'), 'Asia/Jayapura')).toBe(false);
    expect(hasEnded(event, new Date('2026-11-29T15:00:00Z'), 'Asia/Jayapura')).toBe(true);
    // before and on its first day
    expect(hasEnded(event, new Date('2026-11-20T05:00:00Z'), 'Asia/Jakarta')).toBe(false);
    expect(closesFrom(event)).toBe('2026-11-30');
    expect(closesFrom('2026-12-31..2026-12-31')).toBe('2027-01-01');
  });
  it('keeps the month boundary at 00:00 of the 1st in the zone', () => {
    expect(hasEnded('2026-11', new Date('2026-11-30T16:59:00Z'), 'Asia/Jakarta')).toBe(false);
    expect(hasEnded('2026-11', new Date('2026-11-30T17:00:00Z'), 'Asia/Jakarta')).toBe(true);
    expect(closesFrom('2026-12')).toBe('2027-01-01');
  });
  it('reads its days from the period string, and a month has none', () => {
    expect(eventDaysOf(event)).toEqual(days);
    expect(eventDaysOf('2026-11')).toBeUndefined();
  });
  it('is labelled by its days, a month by its name', () => {
    expect(periodLabel(event)).toBe('27–29 Nov 2026');
    expect(periodLabel('2026-11-30..2026-12-02')).toBe('30 Nov – 2 Des 2026');
    expect(periodLabel('2026-12-30..2027-01-02')).toBe('30 Des 2026 – 2 Jan 2027');
    expect(periodLabel('2026-12-05..2026-12-05')).toBe('5 Des 2026');
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(formatDayRange('2026-11-27', '2026-11-29')).toBe(periodLabel(event));
  });
  it("is what an exhibition's venue is offered, no month; a lounge keeps its months", () => {
    expect(periodsToOffer([booth, { eventPeriod: { ...days, returnWindowDays: 3 } }], now, 'Asia/Jakarta')).toEqual([event]);
    expect(periodsToOffer([lounge], now, 'Asia/Jakarta')).toEqual(monthsToOffer(now, 'Asia/Jakarta'));
    expect(periodsToOffer([], now, 'Asia/Jakarta')).toEqual(monthsToOffer(now, 'Asia/Jakarta'));
    // two editions at one venue: the newest first
    const earlier = { eventPeriod: { first: '2026-06-01', last: '2026-06-03', returnWindowDays: 3 } };
    expect(periodsToOffer([earlier, booth], now, 'Asia/Jakarta')).toEqual([event, '2026-06-01..2026-06-03']);
  });
  it('opens on the newest period that has ended, else the newest', () => {
    expect(openingPeriod([event], now, 'Asia/Jakarta')).toBe(event);
    expect(openingPeriod([event], new Date('2026-11-28T05:00:00Z'), 'Asia/Jakarta')).toBe(event);
    expect(openingPeriod(monthsToOffer(now, 'Asia/Jakarta'), now, 'Asia/Jakarta')).toBe(lastEndedMonth(now, 'Asia/Jakarta'));
    expect(openingPeriod([], now, 'Asia/Jakarta')).toBeUndefined();
  });
  it('is settled only by the agreements made for it; months only by the others', () => {
    expect(settlesIn(booth, event)).toBe(true);
    expect(settlesIn(booth, '2026-06-01..2026-06-03')).toBe(false);
    expect(settlesIn(booth, '2026-11')).toBe(false);
    expect(settlesIn(lounge, '2026-11')).toBe(true);
    expect(settlesIn({}, '2026-11')).toBe(true);
    expect(settlesIn(lounge, event)).toBe(false);
  });
});

describe("the ledger and the statement's control totals", () => {
  const ledger: ControlTotals = {
    movements: [
      { kind: 'RECEIVED', count: 2, quantity: 79, amount: 948_000 },
      { kind: 'SOLD', count: 5, quantity: -7, amount: -84_000 },
    ],
    receipts: 1,
    shortQuantity: 1,
    saleLines: 5,
  };
  it('match when every kind, receipts, short units and sale lines are equal, in any order', () => {
    expect(sameTotals(ledger, { ...ledger, movements: [...ledger.movements].reverse() })).toBe(true);
    expect(sameTotals(ledger, { ...ledger, saleLines: 4 })).toBe(false);
    expect(sameTotals(ledger, { ...ledger, movements: ledger.movements.slice(0, 1) })).toBe(false);
    expect(sameTotals(ledger, undefined)).toBe(false);
  });
  it('knows a month without movements', () => {
    expect(hasMovements(ledger)).toBe(true);
    expect(hasMovements({ movements: [], receipts: 0, shortQuantity: 0, saleLines: 0 })).toBe(false);
    expect(hasMovements(undefined)).toBe(false);
  });
  it('is still composing a closed month until its statement is issued', () => {
    expect(stillComposing(true, undefined)).toBe(true);
    expect(stillComposing(true, 'PENDING')).toBe(true);
    expect(stillComposing(true, 'ISSUED')).toBe(false);
    expect(stillComposing(false, undefined)).toBe(false);
  });
});

describe('the payment form', () => {
  it('reads whole rupiah as typed', () => {
    expect(parseRupiah('1.234.567')).toBe(1_234_567);
    expect(parseRupiah('Rp 1.234.567')).toBe(1_234_567);
    expect(parseRupiah('1234567')).toBe(1_234_567);
    expect(parseRupiah('12,5')).toBeUndefined();
    expect(parseRupiah('')).toBeUndefined();
  });
  it('needs an amount, a date and a transfer reference', () => {
    expect(paymentProblems({ amount: '84000', paidOn: '2026-12-05', transferReference: 'BRI-1' })).toEqual([]);
    expect(paymentProblems({ amount: 'x', paidOn: '', transferReference: ' ' })).toEqual(['AMOUNT', 'DATE', 'REFERENCE']);
  });
  it("words the service's refusals with their figures", () => {
    const t = (key: string, v: Record<string, unknown> = {}) =>
      key === 'refusal.AMOUNT_MISMATCH'
        ? `Jumlah ${String(v.received)} ditolak: harus ${String(v.expected)}.`
        : key === 'refusal.PERIOD_NOT_ENDED'
          ? `${String(v.period)} belum berakhir (hari ini ${String(v.today)}).`
          : '';
    expect(describeRefusal({ code: 'AMOUNT_MISMATCH', message: 'x', details: { expected: 1_234_000, received: 1_000 } }, t)).toBe(
      'Jumlah Rp 1.000 ditolak: harus Rp 1.234.000.',
    );
    expect(describeRefusal({ code: 'PERIOD_NOT_ENDED', message: 'x', details: { period: '2026-11', today: '2026-11-30' } }, t)).toBe(
      'November 2026 belum berakhir (hari ini 30 Nov 2026).',
    );
    expect(
      describeRefusal({ code: 'PERIOD_NOT_ENDED', message: 'x', details: { period: '2026-11-27..2026-11-29', today: '2026-11-29' } }, t),
    ).toBe('27–29 Nov 2026 belum berakhir (hari ini 29 Nov 2026).');
  });
});
