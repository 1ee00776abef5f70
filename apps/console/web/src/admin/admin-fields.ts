/**
 * The services' vocabulary the admin forms offer, copied: the single-page app cannot load libs/contracts or
 * libs/identity (decorators, class-validator). test/console/console-admin-copies.spec.ts keeps each equal.
 */
export const ORG_CODE_PATTERN = /^[A-Z0-9-]{2,20}$/;
export const SATKER_CODE_PATTERN = /^\d{6}$/;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const UPT_TYPES = ['LAPAS', 'RUTAN', 'LPKA', 'LPP', 'BAPAS'] as const;
export const UPT_CLASSES = ['I', 'IIA', 'IIB', 'III'] as const;
export const VENUE_TYPES = ['immigration-lounge', 'gallery', 'exhibition', 'retail-partner'] as const;
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const SHRINKAGE_LIABILITIES = ['VENUE', 'UPT'] as const;
export const AGREEMENT_STATUSES = ['DRAFT', 'ACTIVE', 'TERMINATED'] as const;
export const MAX_COMMISSION_BP = 10_000;
export const MAX_DISCOUNT_BP = 10_000;
export const MAX_PRICE_RUPIAH = 1_000_000_000;
/** An exhibition's return window after its last day, and how many UPTs it may gather. */
export const MAX_RETURN_WINDOW_DAYS = 90;
export const MAX_EXHIBITION_UPTS = 200;
export const PERSON_ROLES = ['upt', 'curator', 'venue', 'kanwil', 'ministry', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** What a role's scope code names; national roles (ministry, admin) take none. */
export const SCOPED_ROLES: Readonly<Record<string, 'upt' | 'kanwil' | 'venue' | undefined>> = {
  upt: 'upt',
  curator: 'kanwil',
  kanwil: 'kanwil',
  venue: 'venue',
};
/** Names longer than this are refused by the services (Kanwil, UPT, venue, partner agency, person). */
export const MAX_NAME_LENGTH = 200;
