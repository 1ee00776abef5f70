/**
 * Calendar days and settlement periods are the venue's own (WIB, WITA, WIT): a sale at 23:30 WIB on
 * 30 November belongs to November even though it is December in no zone yet, and one at 00:30 WITA on
 * 1 December belongs to December though it is still 30 November in WIB. Both services that place
 * events in days and months (consignment writes them, reporting folds them) use these functions.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

// Formatting is the costly part (a few microseconds; per sale line it was a fifth of reporting's CPU),
// so days are remembered per quarter of an hour: offset changes fall on quarter hours, and a quarter
// whose first and last millisecond fall on different days is formatted exactly.
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_REMEMBERED = 100_000;
const remembered = new Map<string, string | null>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let day = remembered.get(key);
  if (day === undefined) {
    const f = formatter(timeZone);
    const first = f.format(quarter * QUARTER_HOUR_MS);
    day = first === f.format((quarter + 1) * QUARTER_HOUR_MS - 1) ? first : null;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, day);
  }
  return day ?? formatter(timeZone).format(at);
}

/** The settlement period (YYYY-MM) of an instant in a time zone. */
export function periodOf(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Whole days from one calendar day (YYYY-MM-DD) to another; negative when the second is earlier. */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / (24 * 3600_000));
}
