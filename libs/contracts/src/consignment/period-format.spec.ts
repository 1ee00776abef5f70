import { PERIOD_FORMAT, eventPeriod, parsePeriod, periodEnd, periodOfInstant, periodStart, tryParsePeriod } from './period-format';

const WITA = 'Asia/Makassar';
const event = { first: '2026-12-07', last: '2026-12-09' };

describe('settlement period strings', () => {
  it('accepts a month and an event period, and nothing else', () => {
    for (const p of ['2026-12', '2026-12-07..2026-12-09', '2026-12-31..2027-01-02']) expect(PERIOD_FORMAT.test(p)).toBe(true);
    for (const p of ['2026-13', '2026-1', '2026-12-07', '2026-12-07..', '2026-12-07...2026-12-09', '2026-12-07..2026-12-32', ' 2026-12'])
      expect(PERIOD_FORMAT.test(p)).toBe(false);
  });

  it('parses both kinds', () => {
    expect(parsePeriod('2026-02')).toEqual({ kind: 'month', year: 2026, month: 2 });
    expect(parsePeriod('2026-12-07..2026-12-09')).toEqual({ kind: 'event', first: '2026-12-07', last: '2026-12-09' });
    expect(eventPeriod(event)).toBe('2026-12-07..2026-12-09');
  });

  it('refuses an event period that names no days: no such day, or the last before the first', () => {
    expect(tryParsePeriod('2026-02-30..2026-03-01')).toBeUndefined();
    expect(tryParsePeriod('2026-12-09..2026-12-07')).toBeUndefined();
    expect(() => parsePeriod('2026-12-09..2026-12-07')).toThrow(RangeError);
    expect(tryParsePeriod('2026-12-07..2026-12-07')).toEqual({ kind: 'event', first: '2026-12-07', last: '2026-12-07' });
  });
});

describe('the instants a period starts and ends in a zone', () => {
  it('starts an event at 00:00 of its first day there and ends it at 00:00 after its last day', () => {
    expect(periodStart('2026-12-07..2026-12-09', WITA).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(periodEnd('2026-12-07..2026-12-09', WITA).toISOString()).toBe('2026-12-09T16:00:00.000Z');
    expect(periodEnd('2026-12-07..2026-12-09', 'Asia/Jakarta').toISOString()).toBe('2026-12-09T17:00:00.000Z');
  });

  it('bounds a month the same way, December into January included', () => {
    expect(periodStart('2026-12', 'Asia/Jayapura').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(periodEnd('2026-12', 'Asia/Jayapura').toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(periodEnd('2026-02', 'Asia/Jakarta').toISOString()).toBe('2026-02-28T17:00:00.000Z');
  });
});

describe('the period of an instant', () => {
  it('puts 23:59:59.999 on the last day (WITA) in the event period, and 00:00 the next day in none', () => {
    expect(periodOfInstant(new Date('2026-12-09T23:59:59.999+08:00'), WITA, event)).toBe('2026-12-07..2026-12-09');
    expect(periodOfInstant(new Date('2026-12-10T00:00:00.000+08:00'), WITA, event)).toBeNull();
  });

  it('puts 00:00 on the first day in, and 23:59:59.999 the day before in none', () => {
    expect(periodOfInstant(new Date('2026-12-07T00:00:00+08:00'), WITA, event)).toBe('2026-12-07..2026-12-09');
    expect(periodOfInstant(new Date('2026-12-06T23:59:59.999+08:00'), WITA, event)).toBeNull();
  });

  it('reads the day in the venue zone: 23:30 WIB on the last day is 00:30 WITA the next day', () => {
    expect(periodOfInstant(new Date('2026-12-09T23:30:00+07:00'), WITA, event)).toBeNull();
    expect(periodOfInstant(new Date('2026-12-09T23:30:00+07:00'), 'Asia/Jakarta', event)).toBe('2026-12-07..2026-12-09');
  });

  it('gives the month without an event period', () => {
    expect(periodOfInstant(new Date('2026-12-10T00:00:00+08:00'), WITA)).toBe('2026-12');
    expect(periodOfInstant(new Date('2026-11-30T23:30:00+08:00'), WITA, null)).toBe('2026-11');
  });

  it('agrees with the bounds: an instant is in the event period exactly when start <= instant < end', () => {
    const p = eventPeriod(event);
    const [start, end] = [periodStart(p, WITA).getTime(), periodEnd(p, WITA).getTime()];
    for (let t = start - 3 * 3600_000; t < end + 3 * 3600_000; t += 17 * 60_000 + 1) {
      expect(periodOfInstant(new Date(t), WITA, event) === p).toBe(t >= start && t < end);
    }
  });
});
