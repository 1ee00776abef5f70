import { formatDay, formatDayRange, formatMonth, formatNumber, formatRupiah } from '../format';
import type { Translate } from '../refusal';

/** The kinds of notice the notification service gives (apps/notification's NOTICE_KINDS; a spec keeps them equal). */
export const NOTICE_KINDS = [
  'PRODUCT_APPROVED',
  'PRODUCT_REFUSED',
  'CURATION_OVERDUE',
  'RECEIPT_DISCREPANCY',
  'LOT_NEAR_EXPIRY',
  'STATEMENT_ISSUED',
  'STATEMENT_UNPAID',
  'PNBP_NOT_DEPOSITED',
  'EXHIBITION_ENDING',
] as const;

const MONEY = new Set(['proceeds']);
const COUNTS = new Set(['quantity', 'damaged', 'short', 'daysLeft']);

/** A notice's subject as a person reads it: rupiah, Indonesian numbers, days and months; reasons one after another. */
export function subjectWords(subject: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(subject)) {
    if (typeof value === 'number' && MONEY.has(key)) out[key] = formatRupiah(value);
    else if (typeof value === 'number' && COUNTS.has(key)) out[key] = formatNumber(value);
    else if (Array.isArray(value)) out[key] = value.join('; ');
    // a day, or the day of an instant (when a product was submitted): the notice says which day, not the hour
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) out[key] = formatDay(value.slice(0, 10));
    else if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) out[key] = formatMonth(value);
    // an exhibition's event period by its days
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(value))
      out[key] = formatDayRange(value.slice(0, 10), value.slice(12));
    else if (value !== null && value !== undefined) out[key] = value;
  }
  // a product refused before its submission reached this service is named by nothing better than its id
  if ('name' in subject && out.name === undefined) out.name = subject.productId ?? '';
  return out;
}

/** The notice's title and text in the console's language, from its kind and subject. */
export function noticeWords(kind: string, subject: Record<string, unknown>, t: Translate): { title: string; body: string } {
  const values = subjectWords(subject);
  return { title: t(`inbox.kind.${kind}.title`, values), body: t(`inbox.kind.${kind}.body`, values) };
}
