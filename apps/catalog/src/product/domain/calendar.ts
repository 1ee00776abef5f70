import { localDate } from '@titipan/kernel';

/** Indonesian rules read calendar dates (YYYY-MM-DD) in WIB. */
const WIB = 'Asia/Jakarta';

export function jakartaDate(at: Date): string {
  return localDate(at, WIB);
}

/**
 * The same calendar day `years` later. 29 February maps to 28 February of a non-leap year, the
 * earlier of the two readings, so a validity period is never stretched.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // rolled into March: last day of February
  return target.toISOString().slice(0, 10);
}

/** The calendar day `days` after (or, negative, before) a day. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
