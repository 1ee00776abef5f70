/**
 * Settlement periods are calendar months in the venue's own time zone (WIB, WITA, WIT):
 * a sale at 23:30 WIB on 30 November belongs to November even though it is December in no zone yet,
 * and one at 00:30 WITA on 1 December belongs to December though it is still 30 November in WIB.
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

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return formatter(timeZone).format(at);
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
