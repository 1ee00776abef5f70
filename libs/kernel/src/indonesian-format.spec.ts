import { dateTimeNumberFormat, formatDateTime, formatDay, formatRupiah, wallClockDate, zoneLabel } from './indonesian-format';

describe('Indonesian formats of printed documents and spreadsheets', () => {
  it('writes rupiah with dots between thousands', () => {
    expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(-15_000)).toBe('-Rp 15.000');
  });

  it('names the three zones', () => {
    expect(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'].map(zoneLabel)).toEqual(['WIB', 'WIB', 'WITA', 'WIT']);
  });

  it("prints one instant in each venue's own zone", () => {
    const at = '2026-10-31T15:30:00.000Z';
    expect(formatDateTime(at, 'Asia/Jakarta')).toBe('31 Okt 2026, 22.30 WIB');
    expect(formatDateTime(at, 'Asia/Makassar')).toBe('31 Okt 2026, 23.30 WITA');
    expect(formatDateTime(at, 'Asia/Jayapura')).toBe('1 Nov 2026, 00.30 WIT');
  });

  it('prints a calendar day the same in every zone', () => {
    expect(formatDay('2026-12-31')).toBe('31 Des 2026');
    expect(formatDay('2027-01-05')).toBe('5 Jan 2027');
  });

  it("gives a spreadsheet the venue's wall-clock time, labelled with its zone", () => {
    expect(wallClockDate('2026-10-31T15:30:00.000Z', 'Asia/Makassar').toISOString()).toBe('2026-10-31T23:30:00.000Z');
    expect(wallClockDate('2026-10-31T15:30:00.000Z', 'Asia/Jayapura').toISOString()).toBe('2026-11-01T00:30:00.000Z');
    expect(dateTimeNumberFormat('Asia/Makassar')).toBe('[$-421]d mmm yyyy, hh.mm "WITA"');
  });
});
