import fc from 'fast-check';
import { localDate, periodOf } from './local-calendar';

const exact = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

describe('local calendar', () => {
  it('places an instant in the venue’s own day and month', () => {
    const at = new Date('2026-11-30T16:30:00Z'); // 23:30 WIB, 00:30 WITA on 1 December
    expect(localDate(at, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDate(at, 'Asia/Makassar')).toBe('2026-12-01');
    expect(periodOf(at, 'Asia/Jayapura')).toBe('2026-12');
  });

  it('gives the last millisecond before local midnight and local midnight different days', () => {
    expect(localDate(new Date('2026-12-31T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-12-31');
    expect(localDate(new Date('2026-12-31T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2027-01-01');
  });

  it('agrees with formatting every instant exactly, in zones with odd offsets and daylight saving too', () => {
    const zones = [
      'Asia/Jakarta',
      'Asia/Makassar',
      'Asia/Jayapura',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Europe/Berlin',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (at, zone) => {
          expect(localDate(at, zone)).toBe(exact(at, zone));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
