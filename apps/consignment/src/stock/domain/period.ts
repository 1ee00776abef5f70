// days and periods in the venue's time zone live in the contracts: reporting places events by them too
export { isValidTimeZone, localDate, periodOf } from '@titipan/contracts';

/** Whole days from one calendar day (YYYY-MM-DD) to another; negative when the second is earlier. */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / (24 * 3600_000));
}
