import { localDate, periodOf } from '@titipan/kernel';
import { eventPeriod as eventPeriodString, type ShrinkageLiability } from '@titipan/contracts';

export type AgreementStatus = 'DRAFT' | 'ACTIVE' | 'TERMINATED';

/** Perjanjian konsinyasi between one UPT and one venue, with the venue's calendar and its own prices. */
export interface Agreement {
  id: string;
  uptCode: string;
  venueCode: string;
  venueKanwilCode: string;
  timeZone: string;
  commissionBp: number;
  /** The largest discount below the list price a sale may have, basis points (0: none). */
  maxDiscountBp: number;
  /** Who bears units a stock count finds missing: the venue pays them at the dispatch price, or the UPT writes them off. */
  shrinkageLiability: ShrinkageLiability;
  validFrom: string;
  validTo: string | null;
  /** MONTHLY: a period per calendar month; EVENT: one event period (an exhibition's days), decision 0029. */
  settlementCycle: 'MONTHLY' | 'EVENT';
  /** The event's days and return window, for an EVENT agreement; null for a monthly one. */
  eventPeriod: EventPeriod | null;
  /** The exhibition the agreement was made for, if any. */
  exhibitionId: string | null;
  status: AgreementStatus;
  createdAt: string;
  activatedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  /** The price of each product in effect today (or, before the agreement starts, on its first day). */
  prices: AgreementPrice[];
  /** Every price ever set, by product and day; a change adds a row, none is rewritten. */
  priceHistory: AgreementPriceRevision[];
}

/** An exhibition's days (venue calendar, inclusive) and the days after it for returns. */
export interface EventPeriod {
  first: string;
  last: string;
  returnWindowDays: number;
}

/**
 * The settlement period a movement of the agreement at an instant is dated in. An EVENT agreement has one period,
 * the event's: its receipts before the first day and its returns in the return window belong to it too (only
 * sales are held to the event's days, by the sale rules). A monthly agreement: the venue-calendar month.
 */
export function settlementPeriodOf(agreement: Pick<Agreement, 'timeZone' | 'eventPeriod'>, at: Date): string {
  return agreement.eventPeriod ? eventPeriodString(agreement.eventPeriod) : periodOf(at, agreement.timeZone);
}

/** A consignment price of a product, in effect from a venue-calendar day until the next one of the product. */
export interface AgreementPrice {
  productId: string;
  price: number;
  effectiveFrom: string;
}

/** A row of the price history: the price, from when, and who set it when. */
export interface AgreementPriceRevision extends AgreementPrice {
  setAt: string;
  setBy: string;
}

/** Whether a venue-calendar day (YYYY-MM-DD) lies within the agreement's validity. */
export function isWithinValidity(agreement: Pick<Agreement, 'validFrom' | 'validTo'>, day: string): boolean {
  return day >= agreement.validFrom && (agreement.validTo === null || day <= agreement.validTo);
}

/** What a document dated outside the validity is told. */
export function outsideValidityMessage(agreement: Pick<Agreement, 'validFrom' | 'validTo'>, day: string): string {
  return `the agreement is valid ${agreement.validFrom} to ${agreement.validTo ?? 'open'}, not on ${day}`;
}

/** The agreement's own price of a product on a venue-calendar day: the latest row effective on or before it. */
export function agreementPriceOn(history: readonly AgreementPrice[], productId: string, day: string): number | undefined {
  let price: AgreementPrice | undefined;
  for (const row of history) {
    if (row.productId !== productId || row.effectiveFrom > day) continue;
    if (!price || row.effectiveFrom > price.effectiveFrom) price = row;
  }
  return price?.price;
}

/** The prices shown as the agreement's: each product's row in effect today, or on the first day when the agreement starts later. */
export function pricesInEffect(
  agreement: Pick<Agreement, 'validFrom' | 'timeZone'>,
  history: readonly AgreementPrice[],
  now: Date,
): AgreementPrice[] {
  const today = localDate(now, agreement.timeZone);
  const day = today > agreement.validFrom ? today : agreement.validFrom;
  const current = new Map<string, AgreementPrice>();
  for (const row of history) {
    const held = current.get(row.productId);
    if (row.effectiveFrom <= day && (!held || row.effectiveFrom > held.effectiveFrom)) current.set(row.productId, row);
  }
  return [...current.values()]
    .map(({ productId, price, effectiveFrom }) => ({ productId, price, effectiveFrom }))
    .sort((a, b) => a.productId.localeCompare(b.productId));
}
