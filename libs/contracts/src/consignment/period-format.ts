import { localDate } from '@titipan/kernel';

/**
 * A settlement period: a calendar month `YYYY-MM`, or an event period `YYYY-MM-DD..YYYY-MM-DD` (an exhibition's
 * first and last day, both inclusive, in the venue's time zone). The string is the period's identity everywhere:
 * in events, rows and URLs (decision 0029).
 */
export const PERIOD_FORMAT =
  /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\.\.\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/;

/** The first and last day (YYYY-MM-DD, inclusive, venue calendar) of an event period. */
export interface EventDays {
  first: string;
  last: string;
}

export type ParsedPeriod = { kind: 'month'; year: number; month: number } | ({ kind: 'event' } & EventDays);

const MONTH = /^(\d{4})-(\d{2})$/;
const EVENT = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** A real calendar day: 2026-02-30 matches the pattern but is no day. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** The period a string names, or undefined when it names none (bad format, no such day, last before first). */
export function tryParsePeriod(p: string): ParsedPeriod | undefined {
  if (!PERIOD_FORMAT.test(p)) return undefined;
  const month = MONTH.exec(p);
  if (month) return { kind: 'month', year: Number(month[1]), month: Number(month[2]) };
  const event = EVENT.exec(p)!;
  const [first, last] = [event[1], event[2]];
  if (!isCalendarDay(first) || !isCalendarDay(last) || last < first) return undefined;
  return { kind: 'event', first, last };
}

/** The period a string names; throws RangeError for a string that names none. */
export function parsePeriod(p: string): ParsedPeriod {
  const parsed = tryParsePeriod(p);
  if (!parsed) throw new RangeError(`not a settlement period: ${p}`);
  return parsed;
}

/** The period string of an event's days. */
export function eventPeriod(days: EventDays): string {
  return `${days.first}..${days.last}`;
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** A calendar day plus a number of days (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC offset of a zone at an instant, in milliseconds (Indonesia has no daylight saving, but the rule is general). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((x) => x.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day starts (00:00) in a time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let at = wall - zoneOffsetMs(wall, timeZone);
  at = wall - zoneOffsetMs(at, timeZone); // once more, in case the offset differs at the day's start
  return new Date(at);
}

/** The first day and the day after the last day of a period (YYYY-MM-DD). */
function periodDays(p: string): { first: string; afterLast: string } {
  const parsed = parsePeriod(p);
  if (parsed.kind === 'event') return { first: parsed.first, afterLast: nextDay(parsed.last) };
  const first = `${p}-01`;
  const next = parsed.month === 12 ? `${parsed.year + 1}-01` : `${parsed.year}-${String(parsed.month + 1).padStart(2, '0')}`;
  return { first, afterLast: `${next}-01` };
}

/** The instant a period starts in a time zone (00:00 of its first day there). */
export function periodStart(p: string, timeZone: string): Date {
  return startOfDay(periodDays(p).first, timeZone);
}

/** The instant a period ends in a time zone, exclusive: 00:00 of the day after its last day there. */
export function periodEnd(p: string, timeZone: string): Date {
  return startOfDay(periodDays(p).afterLast, timeZone);
}

/**
 * The settlement period of an instant at an agreement in a time zone. With an event period, every instant on
 * the event's days (venue calendar) is in that period and no other instant is in any (null); without, the month.
 */
export function periodOfInstant(instant: Date, timeZone: string): string;
export function periodOfInstant(instant: Date, timeZone: string, eventDays: EventDays | null | undefined): string | null;
export function periodOfInstant(instant: Date, timeZone: string, eventDays?: EventDays | null): string | null {
  const day = localDate(instant, timeZone);
  if (!eventDays) return day.slice(0, 7);
  return day >= eventDays.first && day <= eventDays.last ? eventPeriod(eventDays) : null;
}
