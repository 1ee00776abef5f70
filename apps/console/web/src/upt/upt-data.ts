/** What the UPT pages load and share: the UPT signed in, its agreements and venues, its products, refusals in words. */
import { all, ApiError, loadSession } from '../api';
import { t } from '../i18n';
import { describeRefusal, figuresOf } from '../refusal';
import type { DispatchProduct } from './dispatch-form';

export interface UptAgreement {
  id: string;
  uptCode: string;
  venueCode: string;
  timeZone: string;
  status: 'DRAFT' | 'ACTIVE' | 'TERMINATED';
  validFrom: string;
  validTo: string | null;
}

export interface VenueName {
  code: string;
  name: string;
  timeZone: string;
}

let session: ReturnType<typeof loadSession> | undefined;
/** The UPT's code: the signed-in person's scope (asked once per page load; the office console keeps no context). */
export async function uptCode(): Promise<string> {
  session ??= loadSession();
  const { scope } = await session;
  if (!scope) throw new Error(t('upt.noScope'));
  return scope;
}

/** The UPT's agreements (consignment scopes the list to the caller's UPT). */
export const loadAgreements = (): Promise<UptAgreement[]> => all<UptAgreement>('/api/consignment/agreements');

let venues: Promise<Map<string, VenueName>> | undefined;
/** Venue names by code, fetched once per page load. */
export function venueNames(): Promise<Map<string, VenueName>> {
  venues ??= all<VenueName>('/api/consignment/venues').then((list) => new Map(list.map((v) => [v.code, v])));
  venues.catch(() => (venues = undefined));
  return venues;
}

interface CatalogProduct extends DispatchProduct {
  consignable: boolean;
  status: string;
}
/** The UPT's products it may send: approved by the curator and consignable, by SKU. */
export async function dispatchableProducts(upt: string): Promise<DispatchProduct[]> {
  const list = await all<CatalogProduct>(`/api/catalog/products?upt=${encodeURIComponent(upt)}&status=APPROVED`);
  return list
    .filter((p) => p.consignable)
    .map(({ id, sku, name, shelfLifeDays, price }) => ({ id, sku, name, shelfLifeDays, price }))
    .sort((a, b) => a.sku.localeCompare(b.sku));
}

/** A refusal in words: the UPT pages' own sentence for codes only they meet, else the console's shared one. */
export function refusalText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.load', { reason: (error as Error).message });
  const own = t(`upt.refusal.${error.code}`, { ...figuresOf(error.details), defaultValue: '' });
  return own || describeRefusal(error, t);
}
