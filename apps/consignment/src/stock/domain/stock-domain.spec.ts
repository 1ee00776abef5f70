import { localDate, periodOf } from '@titipan/kernel';
import { listPriceAt, priceAt } from '../../agreement/domain/list-price';
import { allocate, isExpired } from './fefo';
import { amountOf, balanceChanges, type Movement } from './movement';

describe("period assignment in the venue's time zone", () => {
  it('puts 23:30 WIB on the last day of November in November', () => {
    const at = new Date('2026-11-30T23:30:00+07:00');
    expect(periodOf(at, 'Asia/Jakarta')).toBe('2026-11');
    // the same instant is already 1 December in WITA and WIT
    expect(periodOf(at, 'Asia/Makassar')).toBe('2026-12');
    expect(periodOf(at, 'Asia/Jayapura')).toBe('2026-12');
  });

  it('puts 00:30 WITA on 1 December in December though it is still November in WIB', () => {
    const at = new Date('2026-12-01T00:30:00+08:00');
    expect(periodOf(at, 'Asia/Makassar')).toBe('2026-12');
    expect(periodOf(at, 'Asia/Jakarta')).toBe('2026-11');
    expect(localDate(at, 'Asia/Jakarta')).toBe('2026-11-30');
  });

  it('handles the year boundary in WIT', () => {
    expect(periodOf(new Date('2026-12-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2027-01');
    expect(periodOf(new Date('2026-12-31T14:59:59Z'), 'Asia/Jayapura')).toBe('2026-12');
  });
});

describe('first-expiry-first-out allocation', () => {
  const lots = [
    { lotCode: 'B', expiryDate: '2026-12-20', available: 5 },
    { lotCode: 'A', expiryDate: '2026-12-10', available: 3 },
    { lotCode: 'OLD', expiryDate: '2026-11-20', available: 9 },
    { lotCode: 'C', expiryDate: '2026-12-10', available: 4 },
  ];

  it('takes the earliest expiry first, across lots, skipping expired ones', () => {
    expect(allocate(lots, 9, '2026-11-25')).toEqual({
      ok: true,
      allocations: [
        { lotCode: 'A', expiryDate: '2026-12-10', quantity: 3 },
        { lotCode: 'C', expiryDate: '2026-12-10', quantity: 4 },
        { lotCode: 'B', expiryDate: '2026-12-20', quantity: 2 },
      ],
    });
  });

  it('refuses more than the sellable stock, saying how much there is', () => {
    expect(allocate(lots, 13, '2026-11-25')).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK', requested: 13, available: 12 });
  });

  it('sells a lot on its expiry day but not the day after', () => {
    expect(isExpired('2026-11-20', '2026-11-20')).toBe(false);
    expect(isExpired('2026-11-20', '2026-11-21')).toBe(true);
    expect(allocate(lots, 1, '2026-11-20', 'OLD')).toMatchObject({ ok: true });
    expect(allocate(lots, 1, '2026-11-21', 'OLD')).toEqual({ ok: false, code: 'LOT_EXPIRED', lotCode: 'OLD', expiryDate: '2026-11-20' });
  });

  it('sells a named lot only, and refuses a lot that is not there', () => {
    expect(allocate(lots, 5, '2026-11-25', 'B')).toEqual({
      ok: true,
      allocations: [{ lotCode: 'B', expiryDate: '2026-12-20', quantity: 5 }],
    });
    expect(allocate(lots, 6, '2026-11-25', 'B')).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK', requested: 6, available: 5 });
    expect(allocate(lots, 1, '2026-11-25', 'Z')).toEqual({ ok: false, code: 'LOT_UNKNOWN', lotCode: 'Z' });
  });
});

describe('ledger arithmetic', () => {
  const base: Omit<Movement, 'kind' | 'quantity' | 'bucket' | 'lotCode'> = {
    agreementId: 'a',
    productId: 'p',
    expiryDate: '2027-01-01',
    unitPrice: 10_000,
    occurredAt: new Date('2026-11-25T03:00:00Z'),
    period: '2026-11',
    document: 'd',
  };

  it('sums movements into one change per balance and drops changes that cancel out', () => {
    const changes = balanceChanges([
      { ...base, lotCode: 'L1', bucket: 'SELLABLE', kind: 'RECEIVED', quantity: 10 },
      { ...base, lotCode: 'L1', bucket: 'QUARANTINE', kind: 'RECEIVED_DAMAGED', quantity: 2 },
      { ...base, lotCode: 'L1', bucket: 'SELLABLE', kind: 'SOLD', quantity: -3 },
      { ...base, lotCode: 'L2', bucket: 'SELLABLE', kind: 'SOLD', quantity: -1 },
      { ...base, lotCode: 'L2', bucket: 'SELLABLE', kind: 'CUSTOMER_RETURN', quantity: 1 },
    ]);
    expect(changes.map((c) => [c.lotCode, c.bucket, c.delta])).toEqual([
      ['L1', 'SELLABLE', 7],
      ['L1', 'QUARANTINE', 2],
    ]);
  });

  it('values a movement with its sign', () => {
    expect(amountOf({ quantity: -3, unitPrice: 10_000 })).toBe(-30_000);
  });
});

describe('catalog price at a time', () => {
  const history = [
    { effectiveFrom: Date.parse('2026-11-01T00:00:00Z'), price: 10_000 },
    { effectiveFrom: Date.parse('2026-12-01T00:00:00Z'), price: 12_000 },
  ];

  it('uses the price in effect at the moment of sale, and none before the first', () => {
    expect(priceAt(history, new Date('2026-11-30T23:59:59Z'))).toBe(10_000);
    expect(priceAt(history, new Date('2026-12-01T00:00:00Z'))).toBe(12_000);
    expect(priceAt(history, new Date('2026-10-01T00:00:00Z'))).toBeUndefined();
  });

  it("prefers the agreement's own consignment price in effect on the day (venue calendar), else the catalog price then", () => {
    const agreement = {
      timeZone: 'Asia/Jakarta',
      priceHistory: [
        { productId: 'p', price: 9_000, effectiveFrom: '2026-12-02', setAt: '2026-11-01T00:00:00Z', setBy: 'admin' },
        { productId: 'q', price: 9_000, effectiveFrom: '2026-01-01', setAt: '2026-01-01T00:00:00Z', setBy: 'admin' },
      ],
    };
    expect(listPriceAt(agreement, 'p', history, new Date('2026-12-02T00:00:00+07:00'))).toBe(9_000);
    expect(listPriceAt(agreement, 'p', history, new Date('2026-12-01T23:59:59+07:00'))).toBe(12_000); // the day before, in WIB
    expect(listPriceAt(agreement, 'q', history, new Date('2026-12-02T00:00:00Z'))).toBe(9_000);
  });
});
