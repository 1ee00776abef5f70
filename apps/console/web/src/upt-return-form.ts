/**
 * Retur ke UPT: goods going back from the venue to their UPT. The venue's lots on hand (GET /stock, both the
 * SELLABLE and the QUARANTINE bucket), a quantity and a reason per lot (suggested: damaged for quarantined goods,
 * expired for a lot past its date, unsold otherwise), checked against what is on hand; then the requests of
 * POST /returns: the service takes one agreement and one reason per return, so one request per (agreement,
 * reason), at most 500 lines each. Plain TS, unit-tested in upt-return-form.spec.ts.
 */
import { daysUntil } from './format';
import type { StockLot } from './stock-count-form';

export type { StockLot } from './stock-count-form';

/** The reasons the service takes (RETURN_REASONS in @titipan/contracts). */
export const RETURN_REASONS = ['unsold', 'expired', 'damaged', 'recall'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Lines one return may carry (ShipReturnDto: @BoundedArray max MAX_LINES_PER_EVENT). */
export const MAX_RETURN_LINES = 500;

export const lotKey = (l: { agreementId: string; productId: string; lotCode: string; bucket: string }): string =>
  `${l.agreementId}|${l.productId}|${l.lotCode}|${l.bucket}`;

/**
 * A return's number as people say it: the last 8 characters of its id. Not the first: the ids are UUIDv7, whose
 * first characters are the time, shared by returns made together.
 */
export const returnNumber = (id: string): string => id.replace(/-/g, '').slice(-8).toUpperCase();

/** What a lot most likely goes back as: quarantined goods are damaged, a lot past its date expired, the rest unsold. */
export function suggestedReason(lot: StockLot, now: Date, timeZone: string): ReturnReason {
  if (lot.bucket === 'QUARANTINE') return 'damaged';
  return daysUntil(lot.expiryDate, now, timeZone) < 0 ? 'expired' : 'unsold';
}

export interface ReturnLine {
  lot: StockLot;
  key: string;
  /** What was typed; '' or 0 means the lot stays. */
  entered: string;
  quantity: number;
  reason: ReturnReason;
  problem?: 'NOT_A_QUANTITY' | 'ABOVE_ON_HAND';
}

export interface ReturnSheet {
  lines: ReturnLine[];
  /** Lines with something to return, and their units. */
  picked: number;
  units: number;
  /** Something picked and every line a whole number within what is on hand. */
  ready: boolean;
}

/** The sheet as the cashier fills it: per lot the quantity to send back (entered[key]) and the reason (reasons[key]). */
export function returnSheet(
  lots: StockLot[],
  entered: Record<string, string>,
  reasons: Record<string, ReturnReason>,
  now: Date,
  timeZone: string,
): ReturnSheet {
  const lines = lots.map((lot): ReturnLine => {
    const key = lotKey(lot);
    const text = (entered[key] ?? '').trim();
    const reason = reasons[key] ?? suggestedReason(lot, now, timeZone);
    if (text === '') return { lot, key, entered: '', quantity: 0, reason };
    if (!/^\d+$/.test(text)) return { lot, key, entered: text, quantity: 0, reason, problem: 'NOT_A_QUANTITY' };
    const quantity = Number(text);
    return { lot, key, entered: text, quantity, reason, ...(quantity > lot.quantity ? { problem: 'ABOVE_ON_HAND' as const } : {}) };
  });
  const picked = lines.filter((l) => l.quantity > 0 && !l.problem);
  return {
    lines,
    picked: picked.length,
    units: picked.reduce((s, l) => s + l.quantity, 0),
    ready: picked.length > 0 && lines.every((l) => !l.problem),
  };
}

export interface ShipReturnRequest {
  agreementId: string;
  reason: ReturnReason;
  lines: { productId: string; lotCode: string; bucket: 'SELLABLE' | 'QUARANTINE'; quantity: number }[];
}

/** The requests for a ready sheet: one per agreement and reason, split at MAX_RETURN_LINES. No shippedAt: the service's clock. */
export function returnRequests(sheet: ReturnSheet, size = MAX_RETURN_LINES): ShipReturnRequest[] {
  const groups = new Map<string, ReturnLine[]>();
  for (const l of sheet.lines) {
    if (l.quantity <= 0 || l.problem) continue;
    const key = `${l.lot.agreementId}|${l.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const requests: ShipReturnRequest[] = [];
  for (const lines of groups.values()) {
    for (let i = 0; i < lines.length; i += size) {
      requests.push({
        agreementId: lines[0].lot.agreementId,
        reason: lines[0].reason,
        lines: lines.slice(i, i + size).map((l) => ({
          productId: l.lot.productId,
          lotCode: l.lot.lotCode,
          bucket: l.lot.bucket,
          quantity: l.quantity,
        })),
      });
    }
  }
  return requests;
}
