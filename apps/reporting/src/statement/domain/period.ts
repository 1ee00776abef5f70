import { eventPeriod, parsePeriod, type EventDays } from '@titipan/contracts';

/** The last calendar day of a period: a month's last day, or an event period's last day (YYYY-MM-DD). */
export function lastDayOf(period: string): string {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'event') return parsed.last;
  return new Date(Date.UTC(parsed.year, parsed.month, 0)).toISOString().slice(0, 10);
}

/**
 * The period whose closing stock opens this one: the month before a month. An event period has none (its
 * agreement settles that period alone), so its statement opens at zero.
 */
export function previousPeriod(period: string): string | undefined {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'event') return undefined;
  const { year: y, month: m } = parsed;
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month (YYYY-MM) a period counts in for monthly views: itself, or the month an event period ends in. */
export function monthOfPeriod(period: string): string {
  return lastDayOf(period).slice(0, 7);
}

/**
 * The period a movement dated on a venue day belongs to: an event agreement's event period (consignment dates
 * every movement of such an agreement in it, dispatch before the event included), else the day's month.
 */
export function periodOfDay(day: string, eventDays: EventDays | null | undefined): string {
  return eventDays ? eventPeriod(eventDays) : day.slice(0, 7);
}
