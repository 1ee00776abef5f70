import { formatBasisPoints, formatDay, formatDayRange, formatMonth, formatNumber, formatRupiah } from './format';

/** A translation function as i18next gives it (t(key, values)); injected so this module stays plain TS. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface ServiceError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const MONEY = new Set(['listPrice', 'unitPrice', 'lowestUnitPrice', 'amount', 'expected', 'received']);
const COUNTS = new Set(['requested', 'available', 'expired', 'dispatched', 'accepted', 'damaged', 'short']);

/** The refusal's figures as a cashier reads them: rupiah, Indonesian numbers and days, percentages. */
export function figuresOf(details: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number' && MONEY.has(key)) out[key] = formatRupiah(value);
    else if (typeof value === 'number' && key.endsWith('Bp')) out[key] = formatBasisPoints(value);
    else if (typeof value === 'number' && COUNTS.has(key)) out[key] = formatNumber(value);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = formatDay(value);
    else if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) out[key] = formatMonth(value);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(value))
      out[key] = formatDayRange(value.slice(0, 10), value.slice(12)); // an event period (decision 0029)
    else out[key] = value;
  }
  return out;
}

/**
 * A refusal in words: the console's own sentence for a known code, with the figures; otherwise the service's
 * message (English) after a general sentence, so nothing the service said is hidden.
 */
export function describeRefusal(error: ServiceError, t: Translate): string {
  const key = `refusal.${error.code}`;
  const figures = figuresOf(error.details);
  const known = t(key, { ...figures, defaultValue: '' });
  if (known) return known;
  return t('refusal.OTHER', { code: error.code, message: error.message });
}
