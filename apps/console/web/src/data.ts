import { all, call } from './api';
import { daysUntil } from './format';

export interface Venue {
  code: string;
  name: string;
  timeZone: string;
  /** consignment's venue type: `exhibition` for an exhibition's venue (absent in a venue cached by an older build). */
  type?: string;
}

export interface StockRow {
  agreementId: string;
  productId: string;
  uptCode: string;
  sku: string | null;
  name: string | null;
  productStatus: string | null;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  timeZone: string;
}

/** A product the till can sell: what is on the shelf and at what price. */
export interface TillProduct {
  productId: string;
  sku: string;
  name: string;
  uptCode: string;
  status: string | null;
  sellable: number;
  earliestExpiry: string | null;
  listPrice: number | null;
  maxDiscountBp: number;
}

interface AgreementView {
  id: string;
  uptCode: string;
  status: string;
  maxDiscountBp: number;
  prices: { productId: string; price: number; effectiveFrom: string }[];
}

interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  price: number;
  status: string;
}

const cacheKey = (what: string, venue: string) => `titipan.${what}.${venue}`;

/** Kept on the device so the till and the lists open offline with the last data. */
export function cached<T>(what: string, venue: string): T | undefined {
  const raw = localStorage.getItem(cacheKey(what, venue));
  return raw ? (JSON.parse(raw) as T) : undefined;
}
export function keep(what: string, venue: string, value: unknown): void {
  localStorage.setItem(cacheKey(what, venue), JSON.stringify(value));
}

export async function loadVenue(code: string): Promise<Venue> {
  const venue = await call<Venue>('GET', `/api/consignment/venues/${encodeURIComponent(code)}`);
  keep('venue', code, venue);
  return venue;
}

const catalogByUpt = new Map<string, Promise<CatalogProduct[]>>();
/** The catalog's products of a UPT (names and current prices), fetched once per page load. */
export function catalogOf(upt: string): Promise<CatalogProduct[]> {
  let found = catalogByUpt.get(upt);
  if (!found) {
    found = all<CatalogProduct>(`/api/catalog/products?upt=${encodeURIComponent(upt)}`);
    found.catch(() => catalogByUpt.delete(upt));
    catalogByUpt.set(upt, found);
  }
  return found;
}

export async function productNames(upts: string[]): Promise<Map<string, { sku: string; name: string }>> {
  const names = new Map<string, { sku: string; name: string }>();
  for (const list of await Promise.all([...new Set(upts)].map(catalogOf)))
    for (const p of list) names.set(p.id, { sku: p.sku, name: p.name });
  return names;
}

/**
 * What the till can sell now: the venue's sellable lots (expired ones left out: the service refuses them), by
 * product, with the list price the sale will get: the agreement's own price, else the catalog's.
 */
export async function loadTillProducts(venue: Venue, now = new Date()): Promise<TillProduct[]> {
  const rows = await all<StockRow>(`/api/consignment/stock?bucket=SELLABLE&venue=${encodeURIComponent(venue.code)}`);
  const agreements = (await all<AgreementView>(`/api/consignment/agreements?venue=${encodeURIComponent(venue.code)}`)).filter(
    (a) => a.status === 'ACTIVE',
  );
  const upts = [...new Set(rows.map((r) => r.uptCode))];
  const catalog = new Map<string, CatalogProduct>();
  for (const list of await Promise.all(upts.map(catalogOf))) for (const p of list) catalog.set(p.id, p);
  const products = new Map<string, TillProduct>();
  for (const row of rows) {
    const agreement = agreements.find((a) => a.id === row.agreementId);
    let product = products.get(row.productId);
    if (!product) {
      const agreed = agreement?.prices.find((p) => p.productId === row.productId)?.price;
      product = {
        productId: row.productId,
        sku: row.sku ?? catalog.get(row.productId)?.sku ?? row.productId,
        name: row.name ?? catalog.get(row.productId)?.name ?? '',
        uptCode: row.uptCode,
        status: row.productStatus,
        sellable: 0,
        earliestExpiry: null,
        listPrice: agreed ?? catalog.get(row.productId)?.price ?? null,
        maxDiscountBp: agreement?.maxDiscountBp ?? 0,
      };
      products.set(row.productId, product);
    }
    if (daysUntil(row.expiryDate, now, venue.timeZone) < 0) continue;
    product.sellable += row.quantity;
    if (!product.earliestExpiry || row.expiryDate < product.earliestExpiry) product.earliestExpiry = row.expiryDate;
  }
  const list = [...products.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  keep('till', venue.code, list);
  return list;
}

/** Products whose SKU or name holds the text; an exact SKU first (what a scanner types). */
export function searchProducts(products: TillProduct[], text: string): TillProduct[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const hits = products.filter((p) => p.sku.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
  return hits.sort((a, b) => Number(b.sku.toLowerCase() === q) - Number(a.sku.toLowerCase() === q));
}
