import { daysBetween, localDate } from '@titipan/kernel';

/** A sellable lot near (or past) its expiry at a venue. */
export interface NearExpiryLot {
  agreementId: string;
  venueCode: string;
  uptCode: string;
  productId: string;
  sku: string | null;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  daysLeft: number;
  flagged: boolean;
}

const DAY_MS = 24 * 3600_000;

/** The widest expiry date a window of days can reach from a time in any zone (a day either side). */
export function horizonOf(at: Date, days: number): string {
  return new Date(at.getTime() + (days + 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Days until a lot expires, counted in the venue's calendar. */
export function daysLeft(expiryDate: string, at: Date, timeZone: string): number {
  return daysBetween(localDate(at, timeZone), expiryDate);
}
