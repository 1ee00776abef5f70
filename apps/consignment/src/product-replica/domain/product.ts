export type ReplicaProductStatus = 'APPROVED' | 'SUSPENDED' | 'DISCONTINUED';

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
}
