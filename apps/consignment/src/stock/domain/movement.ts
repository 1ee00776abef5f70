/** Kinds of stock movement in the ledger. Quantities are signed changes of one bucket. */
export const MOVEMENT_KINDS = ['RECEIVED', 'RECEIVED_DAMAGED', 'SOLD', 'CUSTOMER_RETURN', 'RETURNED_TO_UPT', 'ADJUSTMENT'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Sellable stock can be sold; quarantined stock (damaged) waits to go back to the UPT. */
export type Bucket = 'SELLABLE' | 'QUARANTINE';

export interface Movement {
  agreementId: string;
  productId: string;
  lotCode: string;
  expiryDate: string;
  bucket: Bucket;
  kind: MovementKind;
  /** Signed: positive adds to the bucket, negative takes from it. */
  quantity: number;
  unitPrice: number;
  occurredAt: Date;
  /** YYYY-MM in the venue's time zone. */
  period: string;
  /** The document the movement belongs to, e.g. `dispatch:<id>:<line>` or `sale:<venue>:<receipt>:<line>`. */
  document: string;
}

export interface BalanceKey {
  agreementId: string;
  productId: string;
  lotCode: string;
  bucket: Bucket;
}

export interface BalanceChange extends BalanceKey {
  expiryDate: string;
  delta: number;
}

/** Sums movements into one change per balance, so a batch updates each balance once. */
export function balanceChanges(movements: Movement[]): BalanceChange[] {
  const changes = new Map<string, BalanceChange>();
  for (const m of movements) {
    const key = `${m.agreementId}|${m.productId}|${m.lotCode}|${m.bucket}`;
    const change = changes.get(key);
    if (change) change.delta += m.quantity;
    else
      changes.set(key, {
        agreementId: m.agreementId,
        productId: m.productId,
        lotCode: m.lotCode,
        bucket: m.bucket,
        expiryDate: m.expiryDate,
        delta: m.quantity,
      });
  }
  return [...changes.values()].filter((c) => c.delta !== 0);
}

/** Money value of a movement, whole rupiah, with the movement's sign. */
export function amountOf(m: Pick<Movement, 'quantity' | 'unitPrice'>): number {
  return m.quantity * m.unitPrice;
}
