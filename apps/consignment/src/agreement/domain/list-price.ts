import { localDate } from '@titipan/kernel';
import { agreementPriceOn, type Agreement } from './agreement';

/** One catalog price and when it took effect (epoch ms). */
export interface PricePoint {
  effectiveFrom: number;
  price: number;
}

/** The price in effect at a time, from a history sorted oldest first. */
export function priceAt(history: PricePoint[] | undefined, at: Date): number | undefined {
  let price: number | undefined;
  for (const point of history ?? []) {
    if (point.effectiveFrom > at.getTime()) break;
    price = point.price;
  }
  return price;
}

/**
 * The price a unit goes for under an agreement at a time: the agreement's own price in effect on that day in
 * the venue's calendar, else the catalog price at that moment.
 */
export function listPriceAt(
  agreement: Pick<Agreement, 'priceHistory' | 'timeZone'>,
  productId: string,
  history: PricePoint[] | undefined,
  at: Date,
): number | undefined {
  return agreementPriceOn(agreement.priceHistory, productId, localDate(at, agreement.timeZone)) ?? priceAt(history, at);
}

/**
 * What PRICE_UNKNOWN tells the caller, when neither the agreement nor the catalog has a price for the product at
 * the document's time: from which day (venue calendar) the catalog price applies, and that price as the agreement
 * price to set from the document's day, if the goods should move at it before then.
 */
export function priceUnknownFigures(
  agreement: Pick<Agreement, 'timeZone'>,
  history: PricePoint[] | undefined,
  at: Date,
): { day: string; catalogPriceFrom: string | null; suggestedAgreementPrice: number | null; message: string } {
  const day = localDate(at, agreement.timeZone);
  const first = history?.[0];
  if (!first) {
    return {
      day,
      catalogPriceFrom: null,
      suggestedAgreementPrice: null,
      message: `the product has no catalog price yet and no agreement price on ${day}; set an agreement price from ${day}`,
    };
  }
  const catalogPriceFrom = localDate(new Date(first.effectiveFrom), agreement.timeZone);
  return {
    day,
    catalogPriceFrom,
    suggestedAgreementPrice: first.price,
    message:
      `the catalog price applies from ${catalogPriceFrom}, not on ${day}, and the agreement has no price on ${day}; ` +
      `set an agreement price from ${day} (the catalog price was ${first.price})`,
  };
}
