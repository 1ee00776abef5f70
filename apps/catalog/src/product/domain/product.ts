import type { ProductCategory, ProductStatus } from '@titipan/contracts';
import type { Certificate } from './certificates';

/** A product as the catalog knows it, with its current price and certificates. */
export interface ProductRecord {
  id: string;
  uptCode: string;
  kanwilCode: string;
  sku: string;
  name: string;
  description: string;
  category: ProductCategory;
  unit: string;
  shelfLifeDays: number | null;
  status: ProductStatus;
  consignable: boolean;
  /** Retail price in effect now, whole rupiah. */
  price: number;
  certificates: Certificate[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The columns a UPT writes when it registers or edits a product. */
export type ProductFields = Pick<ProductRecord, 'sku' | 'name' | 'description' | 'category' | 'unit' | 'shelfLifeDays'>;

export interface CurationScores {
  quality: number;
  packaging: number;
  compliance: number;
  marketPotential: number;
}

/** A curator's review of a submitted product. */
export interface ReviewRecord {
  id: string;
  productId: string;
  decision: 'APPROVED' | 'REJECTED';
  scores: CurationScores;
  notes: string;
  reviewer: string;
  reviewedAt: string;
  /** The day (WIB) the decision was taken: the day it was recorded unless the curator dated it earlier. */
  decidedOn: string;
}

/** One effective-dated retail price. */
export interface PriceRecord {
  price: number;
  effectiveFrom: string;
  recordedAt: string;
  recordedBy: string;
}
