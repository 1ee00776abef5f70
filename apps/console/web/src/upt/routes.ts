import type { OfficeRoute } from '../office/office-route';
import { NewProductPage, ProductPage } from './product-page';
import { ProductsPage } from './products-page';

/** The UPT clerk's pages. */
export const UPT_ROUTES: OfficeRoute[] = [
  // products: the list, a new one (before /produk/:id, which would take "baru" as an id), one product
  { path: '/produk', label: 'products.nav', Page: ProductsPage },
  { path: '/produk/baru', Page: NewProductPage },
  { path: '/produk/:id', Page: ProductPage },
];
