/** Consignment vocabulary shared by the API and the events. */
export const VENUE_TYPES = ['immigration-lounge', 'gallery', 'exhibition', 'retail-partner'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** Time zones of Indonesia's three zones: WIB, WITA, WIT. */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export const LOT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO-8601 time with its offset, e.g. 2026-12-01T00:00:00+07:00 (request fields that name an instant). */
export const TIME_WITH_OFFSET_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Most units one document line may move; far above a pallet of paving blocks. */
export const MAX_LINE_QUANTITY = 1_000_000;
export const MAX_COMMISSION_BP = 10_000;
/** The largest discount an agreement may allow, basis points of the list price. */
export const MAX_DISCOUNT_BP = 10_000;

/** Who bears goods lost in the venue's care: the venue (the consignee, usual in consignment agreements) or the UPT. */
export const SHRINKAGE_LIABILITIES = ['VENUE', 'UPT'] as const;
export type ShrinkageLiability = (typeof SHRINKAGE_LIABILITIES)[number];

/**
 * Why a sale went below the list price (agreement or catalog price): a promotion the venue runs, goods sold
 * off near their expiry, packaging damaged in the venue's care, or a quantity bought at once.
 */
export const DISCOUNT_REASONS = ['PROMO', 'NEAR_EXPIRY', 'DAMAGED_PACKAGING', 'BULK'] as const;
export type DiscountReason = (typeof DISCOUNT_REASONS)[number];

/**
 * Expiry date recorded for goods that do not expire (paving blocks, batik, crafts): the ledger keys every
 * lot by its expiry, and this sorts after every real date, so first-expiry-first-out sells them last.
 */
export const NO_EXPIRY = '9999-12-31';
