import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** The UPT clerk's pages. */
export const UPT_ROUTES: OfficeRoute[] = [
  // products: the list, a new one (before /produk/:id, which would take "baru" as an id), one product
  { path: '/produk', label: 'products.nav', Page: lazyPage(() => pages().then((m) => m.ProductsPage)) },
  { path: '/produk/baru', Page: lazyPage(() => pages().then((m) => m.NewProductPage)) },
  { path: '/produk/:id', Page: lazyPage(() => pages().then((m) => m.ProductPage)) },
  { path: '/pengiriman', label: 'upt.nav.dispatch', Page: lazyPage(() => pages().then((m) => m.DispatchPage)) },
  { path: '/retur-masuk', label: 'upt.nav.returns', Page: lazyPage(() => pages().then((m) => m.ReturnsPage)) },
  { path: '/penyelesaian', label: 'upt.nav.settlement', Page: lazyPage(() => pages().then((m) => m.SettlementPage)) },
  { path: '/pnbp', label: 'upt.nav.pnbp', Page: lazyPage(() => pages().then((m) => m.PnbpPage)) },
];
