/** Product vocabulary shared by the catalog API and the events that carry products downstream. */
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

/** Upper bound on a retail price, in rupiah: far above any inmate-made product, far below overflow. */
export const MAX_PRICE_RUPIAH = 1_000_000_000;
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const ORG_CODE_PATTERN = /^[A-Z0-9-]{2,20}$/;
