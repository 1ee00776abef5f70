/**
 * The catalog's product vocabulary as the console copies it (the app cannot load libs/contracts;
 * test/console/console-copies.spec.ts keeps the copies equal), and the shapes the catalog answers with
 * (apps/catalog/src/product), attachments and compliance verdicts included. Plain TS.
 */
export const PRODUCT_CATEGORIES = [
  'food',
  'beverage',
  'craft',
  'textile',
  'footwear',
  'furniture',
  'building-material',
  'agriculture',
  'art',
  'other',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED', 'DISCONTINUED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const CERTIFICATE_KINDS = ['PIRT', 'BPOM_MD', 'HALAL'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** What a certificate number may look like (the catalog's CERTIFICATE_NUMBER_FORMAT). */
export const CERTIFICATE_NUMBER_FORMAT: Record<CertificateKind, RegExp> = {
  PIRT: /^(P-IRT\s*(No\.?)?\s*)?\d[\d-]{6,40}$/,
  BPOM_MD: /^MD\s?\d{12}$/,
  HALAL: /^ID\d{17}$/,
};
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const MAX_PRICE_RUPIAH = 1_000_000_000;
export const MAX_SHELF_LIFE_DAYS = 3650;
export const MAX_CERTIFICATES = 10;
/** Fields the catalog lets change after a product leaves DRAFT (ALWAYS_EDITABLE_FIELDS). */
export const ALWAYS_EDITABLE_FIELDS = ['description', 'certificates'] as const;
/** States in which a product's attachments may be added or removed (the attachments contract). */
export const ATTACHMENTS_EDITABLE_IN: readonly ProductStatus[] = ['DRAFT', 'REJECTED'];

export interface Certificate {
  kind: CertificateKind;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

export interface Product {
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
  price: number;
  certificates: Certificate[];
  createdAt: string;
  updatedAt: string;
}

/** The four scores of a curation review, in the order the forms show them. */
export const SCORE_NAMES = ['quality', 'packaging', 'compliance', 'marketPotential'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];

export interface CurationScores {
  quality: number;
  packaging: number;
  compliance: number;
  marketPotential: number;
}

export interface Review {
  id: string;
  productId: string;
  decision: 'APPROVED' | 'REJECTED';
  scores: CurationScores;
  notes: string;
  reviewer: string;
  reviewedAt: string;
  decidedOn: string;
}

export interface PriceEntry {
  price: number;
  effectiveFrom: string;
  recordedAt: string;
}

export type AttachmentKind = 'photo' | 'certificate';

export interface Attachment {
  id: string;
  productId: string;
  kind: AttachmentKind;
  certificate: string | null;
  contentType: string;
  filename: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface Verdict {
  rule: string;
  passed: boolean;
  severity: string;
  message: string;
}

export interface Compliance {
  productId: string;
  checkedOn: string;
  verdicts: Verdict[];
}
