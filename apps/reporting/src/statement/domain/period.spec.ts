import { lastDayOf, monthOfPeriod, periodOfDay, previousPeriod } from './period';

describe('settlement periods in reporting', () => {
  it('a month: its last day, the month before, itself as the month it counts in', () => {
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-12')).toBe('2026-11');
    expect(monthOfPeriod('2026-12')).toBe('2026-12');
  });

  it('an event period: its last day, no previous period (opening is zero), counted in the month it ends', () => {
    expect(lastDayOf('2026-12-07..2026-12-09')).toBe('2026-12-09');
    expect(previousPeriod('2026-12-07..2026-12-09')).toBeUndefined();
    expect(monthOfPeriod('2026-12-30..2027-01-02')).toBe('2027-01');
    expect(monthOfPeriod('2026-12-07..2026-12-09')).toBe('2026-12');
  });

  it('a movement of an event agreement is in its event period whatever its day; else in the day’s month', () => {
    const event = { first: '2026-12-07', last: '2026-12-09' };
    expect(periodOfDay('2026-12-02', event)).toBe('2026-12-07..2026-12-09');
    expect(periodOfDay('2026-12-09', event)).toBe('2026-12-07..2026-12-09');
    expect(periodOfDay('2026-12-02', null)).toBe('2026-12');
  });

  it('refuses a string that names no period', () => {
    expect(() => lastDayOf('2026-13')).toThrow(RangeError);
    expect(() => previousPeriod('2026-12-09..2026-12-07')).toThrow(RangeError);
  });
});
