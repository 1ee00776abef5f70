/**
 * Money and time as a cashier reads them: rupiah as `Rp 1.234.567` (Intl id-ID, no decimals) and times in the
 * venue's own zone with its Indonesian label (WIB, WITA, WIT). Plain TS, no DOM: unit-tested in format.spec.ts.
 */

/** The three Indonesian time zones by their IANA names; any other zone shows its offset (GMT+9). */
export const ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('id-ID');

/** `Rp 1.234.567` (a plain space: one format across the console, the PDFs and the README). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount).replace(/\s/g, ' ');
}

/** `1.234` */
export function formatNumber(value: number): string {
  return number.format(value);
}

/** `12,5%` from basis points. */
export function formatBasisPoints(bp: number): string {
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(bp / 100)}%`;
}

export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const known = ZONE_LABELS[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** `30 Nov 2026, 21.15 WIB`: the date and time in the venue's zone. */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const day = new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day}, ${time} ${zoneLabel(timeZone, date)}`;
}

/** The expiry consignment gives a lot dispatched without one (NO_EXPIRY of libs/contracts; format.spec.ts keeps them equal). */
export const NO_EXPIRY = '9999-12-31';

/** `30 Nov 2026` for a calendar day (YYYY-MM-DD), which has no zone of its own. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today's calendar day (YYYY-MM-DD) in the venue's zone. */
export function localDay(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole days from the venue's today to a calendar day (negative once past; 0 = expires today). */
export function daysUntil(day: string, at: Date, timeZone: string): number {
  const today = localDay(at, timeZone);
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** `Oktober 2026` for a month (YYYY-MM). */
export function formatMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * `27–29 Nov 2026`, `30 Nov – 2 Des 2026`, `30 Des 2026 – 2 Jan 2027` for a run of calendar days (YYYY-MM-DD, both
 * inclusive), `27 Nov 2026` for one day: an exhibition's days.
 */
export function formatDayRange(first: string, last: string): string {
  if (first === last) return formatDay(first);
  const at = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
    .formatRange(at(first), at(last))
    .replace(/\s/g, ' ');
}
