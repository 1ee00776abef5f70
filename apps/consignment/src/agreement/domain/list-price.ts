import type { Agreement } from './agreement';

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

/** The price a unit goes for under an agreement at a time: its own consignment price, else the catalog price then. */
export function listPriceAt(
  agreement: Pick<Agreement, 'prices'>,
  productId: string,
  history: PricePoint[] | undefined,
  at: Date,
): number | undefined {
  return agreement.prices.find((p) => p.productId === productId)?.price ?? priceAt(history, at);
}
