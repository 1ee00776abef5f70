export type ReplicaProductStatus = 'APPROVED' | 'SUSPENDED' | 'DISCONTINUED';

/** A time the catalog suspended the product, until it reinstated it (null while it still is). ISO-8601 times. */
export interface SuspensionPeriod {
  from: string;
  until: string | null;
}

/** Consignment's copy of an approved catalog product. */
export interface ReplicaProduct {
  productId: string;
  uptCode: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
  shelfLifeDays: number | null;
  consignable: boolean;
  status: ReplicaProductStatus;
  /** When the curator's approval took effect (ISO-8601). */
  approvedAt: string;
  /** Every suspension, oldest first. */
  suspensions: SuspensionPeriod[];
}
