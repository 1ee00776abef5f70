/**
 * How printed documents and spreadsheets write money and times for Indonesian readers, one place for the PDFs
 * (reporting's statements, consignment's surat jalan and the other trade documents: text) and the XLSX (number
 * formats and date cells): rupiah as `Rp 1.234.567`, times in the venue's own zone as `31 Okt 2026, 23.30 WITA`.
 */

/** How Indonesians name their three time zones; Pontianak (West Kalimantan) keeps WIB. */
const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone] ?? timeZone;
}

const wholeNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** A whole number with Indonesian grouping: 1.234.567. */
export const formatNumber = (value: number) => wholeNumber.format(value);

/** Rupiah as printed on Indonesian documents: `Rp 1.234.567`, a negative amount `-Rp 1.234.567`. */
export const formatRupiah = (amount: number) => `${amount < 0 ? '-' : ''}Rp ${wholeNumber.format(Math.abs(amount))}`;

/** The same in a spreadsheet: Excel and LibreOffice group digits by the reader's locale (1.234.567 in Indonesian). */
export const RUPIAH_NUMBER_FORMAT = '"Rp" #,##0;[Red]-"Rp" #,##0';

const dateTimes = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('id-ID', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimes.set(timeZone, format);
  }
  return format;
}

/** An instant as the venue reads it: `31 Okt 2026, 23.30 WITA`. */
export function formatDateTime(at: Date | string, timeZone: string): string {
  return `${dateTimeFormat(timeZone).format(new Date(at))} ${zoneLabel(timeZone)}`;
}

/** A calendar day (YYYY-MM-DD, no zone of its own, such as a lot's expiry) as `31 Okt 2026`. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}
const dayFormat = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const utcDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

/**
 * A settlement period as people read it: a month (`2026-11`) as `November 2026`, an event period
 * (`2026-11-27..2026-11-29`) as `27–29 Nov 2026`; anything else as it is.
 */
export function formatPeriod(period: string): string {
  const event = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (event)
    return event[1] === event[2] ? formatDay(event[1]) : dayFormat.formatRange(utcDay(event[1]), utcDay(event[2])).replace(/\s/g, ' ');
  return /^\d{4}-\d{2}$/.test(period) ? monthFormat.format(utcDay(`${period}-01`)) : period;
}

/**
 * A spreadsheet date cell showing the venue's wall-clock time. Spreadsheet dates have no zone (exceljs writes
 * the instant's UTC fields), so the cell gets a date whose UTC fields are the venue's local ones.
 */
export function wallClockDate(at: Date | string, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** The number format of such a cell, in Indonesian ([$-421]) and with the zone: `31 Okt 2026, 23.30 WITA`. */
export const dateTimeNumberFormat = (timeZone: string) => `[$-421]d mmm yyyy, hh.mm "${zoneLabel(timeZone)}"`;
