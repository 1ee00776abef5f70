/** A lot that can be sold at a venue: what is on the shelf, and until when. */
export interface SellableLot {
  lotCode: string;
  /** YYYY-MM-DD; the last day the lot may be sold. */
  expiryDate: string;
  available: number;
}

export interface Allocation {
  lotCode: string;
  expiryDate: string;
  quantity: number;
}

export type AllocationResult =
  | { ok: true; allocations: Allocation[] }
  | { ok: false; code: 'INSUFFICIENT_STOCK'; requested: number; available: number }
  | { ok: false; code: 'LOT_EXPIRED'; lotCode: string; expiryDate: string }
  | { ok: false; code: 'LOT_UNKNOWN'; lotCode: string };

/** A lot is sellable up to and including its expiry date (in the venue's calendar). */
export function isExpired(expiryDate: string, saleDay: string): boolean {
  return expiryDate < saleDay;
}

/**
 * Takes units for a sale. With a lot named, only that lot; without, first-expiry-first-out across the
 * lots that have not expired on the sale day (ties by lot code, so the result is deterministic).
 */
export function allocate(lots: SellableLot[], quantity: number, saleDay: string, lotCode?: string): AllocationResult {
  if (lotCode !== undefined) {
    const lot = lots.find((l) => l.lotCode === lotCode);
    if (!lot) return { ok: false, code: 'LOT_UNKNOWN', lotCode };
    if (isExpired(lot.expiryDate, saleDay)) return { ok: false, code: 'LOT_EXPIRED', lotCode, expiryDate: lot.expiryDate };
    if (lot.available < quantity) return { ok: false, code: 'INSUFFICIENT_STOCK', requested: quantity, available: lot.available };
    return { ok: true, allocations: [{ lotCode, expiryDate: lot.expiryDate, quantity }] };
  }
  const candidates = lots
    .filter((l) => l.available > 0 && !isExpired(l.expiryDate, saleDay))
    .sort((a, b) => a.expiryDate.localeCompare(b.expiryDate) || a.lotCode.localeCompare(b.lotCode));
  const available = candidates.reduce((sum, l) => sum + l.available, 0);
  if (available < quantity) return { ok: false, code: 'INSUFFICIENT_STOCK', requested: quantity, available };
  const allocations: Allocation[] = [];
  let remaining = quantity;
  for (const lot of candidates) {
    if (remaining === 0) break;
    const take = Math.min(lot.available, remaining);
    allocations.push({ lotCode: lot.lotCode, expiryDate: lot.expiryDate, quantity: take });
    remaining -= take;
  }
  return { ok: true, allocations };
}
