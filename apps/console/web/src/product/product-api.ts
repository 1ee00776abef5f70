import { all, call } from '../api';
import type { Attachment, Compliance, PriceEntry, Product, Review } from './product-fields';

// The catalog's product calls through the console, shared by the UPT's pages and the curator's.

/** The console's path of a product at the catalog. */
export const productPath = (id: string) => `/api/catalog/products/${encodeURIComponent(id)}`;
/** Where the browser reads an attachment's bytes (an <img> source, a link to a scan). */
export const attachmentContentUrl = (a: Pick<Attachment, 'productId' | 'id'>) =>
  `${productPath(a.productId)}/attachments/${encodeURIComponent(a.id)}/content`;

export const loadProduct = (id: string) => call<Product>('GET', productPath(id));
export const loadReviews = async (id: string) => (await all<Review>(`${productPath(id)}/reviews`)).sort(newestFirst);
export const loadAttachments = async (id: string) => (await call<{ items: Attachment[] }>('GET', `${productPath(id)}/attachments`)).items;
export const loadCompliance = (id: string) => call<Compliance>('GET', `${productPath(id)}/compliance`);
export const loadPrices = (id: string) => all<PriceEntry>(`${productPath(id)}/prices`);

/** Products matching the filters (each given one only); every page of the list. */
export function loadProducts(filters: Record<string, string | undefined>): Promise<Product[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return all<Product>(`/api/catalog/products?${query.toString()}`);
}

const newestFirst = (a: Review, b: Review) => b.reviewedAt.localeCompare(a.reviewedAt);

/** Opens another page of the office console without reloading the app (its router listens to popstate). */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}
