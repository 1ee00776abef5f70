/**
 * Stock opname: the count per lot against the book, the variance per line and in total (units, and rupiah at the
 * lot's dispatch price when known) before anything is sent; then the request(s) of POST /stock-counts, one
 * agreement each (the service counts per agreement, at most 500 lines: MAX_LINES_PER_EVENT). Plain TS,
 * unit-tested in stock-count-form.spec.ts.
 */

/** Lines one count may carry (StockCountDto: @BoundedArray max MAX_LINES_PER_EVENT). */
export const MAX_COUNT_LINES = 500;

/** A lot on hand as GET /stock answers it. */
export interface StockLot {
  agreementId: string;
  productId: string;
  uptCode: string;
  sku: string | null;
  name: string | null;
  lotCode: string;
  expiryDate: string;
  bucket: 'SELLABLE' | 'QUARANTINE';
  quantity: number;
}

/** A dispatch as GET /dispatches answers it: its lines carry the unit price snapshotted on the dispatch's day. */
export interface PricedDispatch {
  agreementId: string;
  lines: { productId: string; lotCode: string; unitPrice: number }[];
}

export const lotKey = (l: { agreementId: string; productId: string; lotCode: string; bucket?: string }): string =>
  `${l.agreementId}|${l.productId}|${l.lotCode}|${l.bucket ?? ''}`;
const priceKey = (agreementId: string, productId: string, lotCode: string) => `${agreementId}|${productId}|${lotCode}`;

/** Dispatch price per lot (agreement, product, lot): what a missing unit is worth. */
export function lotPrices(dispatches: PricedDispatch[]): Map<string, number> {
  const prices = new Map<string, number>();
  for (const d of dispatches) for (const l of d.lines) prices.set(priceKey(d.agreementId, l.productId, l.lotCode), Number(l.unitPrice));
  return prices;
}

export interface CountLine {
  lot: StockLot;
  key: string;
  unitPrice: number | null;
  /** What was typed; '' while not counted. */
  entered: string;
  counted: number | null;
  variance: number | null;
  value: number | null;
  problem?: 'NOT_A_COUNT';
}

export interface CountSheet {
  lines: CountLine[];
  /** Sum of the variances (units). */
  totalVariance: number;
  /** Sum of the priced variances (rupiah), and whether some variance had no price. */
  totalValue: number;
  unpriced: boolean;
  linesWithVariance: number;
  /** Every line holds a whole number ≥ 0. */
  ready: boolean;
}

export function parseCounted(entered: string): number | null {
  const s = entered.trim();
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** The sheet as the supervisor fills it: each lot's count (entered[key]; blank = not counted yet) against the book. */
export function countSheet(lots: StockLot[], prices: Map<string, number>, entered: Record<string, string>): CountSheet {
  const lines = lots.map((lot): CountLine => {
    const key = lotKey(lot);
    const unitPrice = prices.get(priceKey(lot.agreementId, lot.productId, lot.lotCode)) ?? null;
    const text = entered[key] ?? '';
    const counted = parseCounted(text);
    const variance = counted === null ? null : counted - lot.quantity;
    return {
      lot,
      key,
      unitPrice,
      entered: text,
      counted,
      variance,
      value: variance === null || unitPrice === null ? null : variance * unitPrice,
      ...(counted === null ? { problem: 'NOT_A_COUNT' as const } : {}),
    };
  });
  const counted = lines.filter((l) => l.variance !== null);
  return {
    lines,
    totalVariance: counted.reduce((s, l) => s + l.variance!, 0),
    totalValue: counted.reduce((s, l) => s + (l.value ?? 0), 0),
    unpriced: counted.some((l) => l.variance !== 0 && l.value === null),
    linesWithVariance: counted.filter((l) => l.variance !== 0).length,
    ready: lines.length > 0 && lines.every((l) => l.counted !== null),
  };
}

export interface StockCountRequest {
  agreementId: string;
  reason: string;
  lines: { productId: string; lotCode: string; bucket: 'SELLABLE' | 'QUARANTINE'; counted: number }[];
}

/**
 * The requests for a ready sheet: one per agreement, split at MAX_COUNT_LINES, all with the same reason. No
 * countedAt: the service takes its own clock, not the device's.
 */
export function countRequests(sheet: CountSheet, reason: string, size = MAX_COUNT_LINES): StockCountRequest[] {
  const byAgreement = new Map<string, CountLine[]>();
  for (const l of sheet.lines) byAgreement.set(l.lot.agreementId, [...(byAgreement.get(l.lot.agreementId) ?? []), l]);
  const requests: StockCountRequest[] = [];
  for (const [agreementId, lines] of byAgreement) {
    for (let i = 0; i < lines.length; i += size) {
      requests.push({
        agreementId,
        reason: reason.trim(),
        lines: lines.slice(i, i + size).map((l) => ({
          productId: l.lot.productId,
          lotCode: l.lot.lotCode,
          bucket: l.lot.bucket,
          counted: l.counted!,
        })),
      });
    }
  }
  return requests;
}
