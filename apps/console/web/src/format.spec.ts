import { daysUntil, formatBasisPoints, formatDateTime, formatDay, formatRupiah, localDay, zoneLabel } from './format';

describe('console formats', () => {
  it('writes rupiah the Indonesian way, without decimals', () => {
    expect(formatRupiah(1234567)).toBe('Rp 1.234.567');
    expect(formatRupiah(9000)).toBe('Rp 9.000');
    expect(formatRupiah(0)).toBe('Rp 0');
  });

  it('labels the three Indonesian zones WIB, WITA and WIT', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
  });

  it("shows a moment in the venue's zone", () => {
    const at = new Date('2026-10-31T15:30:00Z');
    expect(formatDateTime(at, 'Asia/Jakarta')).toBe('31 Okt 2026, 22.30 WIB');
    expect(formatDateTime(at, 'Asia/Makassar')).toBe('31 Okt 2026, 23.30 WITA');
    expect(formatDateTime(at, 'Asia/Jayapura')).toBe('1 Nov 2026, 00.30 WIT');
  });

  it('counts days left in the venue calendar, not UTC', () => {
    // 16:30 UTC on 30 Nov is 23.30 WIB (still the 30th) and 01.30 WIT (already 1 Dec)
    const at = new Date('2026-11-30T16:30:00Z');
    expect(localDay(at, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDay(at, 'Asia/Jayapura')).toBe('2026-12-01');
    expect(daysUntil('2026-12-10', at, 'Asia/Jakarta')).toBe(10);
    expect(daysUntil('2026-12-10', at, 'Asia/Jayapura')).toBe(9);
    expect(daysUntil('2026-11-29', at, 'Asia/Jakarta')).toBe(-1);
  });

  it('writes calendar days and percentages in Indonesian', () => {
    expect(formatDay('2026-08-17')).toBe('17 Agu 2026');
    expect(formatBasisPoints(1250)).toBe('12,5%');
  });
});
