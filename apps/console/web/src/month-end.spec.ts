import { formatMonth } from './format';
import {
  currentMonth,
  hasEnded,
  hasMovements,
  lastEndedMonth,
  monthsToOffer,
  nextMonth,
  parseRupiah,
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
          ? `${String(v.period)} belum berakhir (sekarang ${String(v.current)}).`
          : '';
    expect(describeRefusal({ code: 'AMOUNT_MISMATCH', message: 'x', details: { expected: 1_234_000, received: 1_000 } }, t)).toBe(
      'Jumlah Rp 1.000 ditolak: harus Rp 1.234.000.',
    );
    expect(describeRefusal({ code: 'PERIOD_NOT_ENDED', message: 'x', details: { period: '2026-11', current: '2026-11' } }, t)).toBe(
      'November 2026 belum berakhir (sekarang November 2026).',
    );
  });
});
