// The UPT clerk's pages, one chunk fetched when a UPT clerk first opens one (routes.ts).
export { DispatchPage } from './dispatch-page';
export { PnbpPage } from './pnbp-page';
export { NewProductPage, ProductPage } from './product-page';
export { ProductsPage } from './products-page';
export { ReturnsPage } from './returns-page';
export { SettlementPage } from './settlement-page';
