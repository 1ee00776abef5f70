import type { OfficeRoute } from '../office/office-route';
import { DispatchPage } from './dispatch-page';
import { PnbpPage } from './pnbp-page';
import { NewProductPage, ProductPage } from './product-page';
import { ProductsPage } from './products-page';
import { ReturnsPage } from './returns-page';
import { SettlementPage } from './settlement-page';

/** The UPT clerk's pages. */
export const UPT_ROUTES: OfficeRoute[] = [
  // products: the list, a new one (before /produk/:id, which would take "baru" as an id), one product
  { path: '/produk', label: 'products.nav', Page: ProductsPage },
  { path: '/produk/baru', Page: NewProductPage },
  { path: '/produk/:id', Page: ProductPage },
  { path: '/pengiriman', label: 'upt.nav.dispatch', Page: DispatchPage },
  { path: '/retur-masuk', label: 'upt.nav.returns', Page: ReturnsPage },
  { path: '/penyelesaian', label: 'upt.nav.settlement', Page: SettlementPage },
  { path: '/pnbp', label: 'upt.nav.pnbp', Page: PnbpPage },
];
