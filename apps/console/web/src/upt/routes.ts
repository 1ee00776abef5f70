import type { OfficeRoute } from '../office/office-route';
import { DispatchPage } from './dispatch-page';
import { PnbpPage } from './pnbp-page';
import { ReturnsPage } from './returns-page';
import { SettlementPage } from './settlement-page';

/** The UPT clerk's pages. */
export const UPT_ROUTES: OfficeRoute[] = [
  { path: '/pengiriman', label: 'upt.nav.dispatch', Page: DispatchPage },
  { path: '/retur-masuk', label: 'upt.nav.returns', Page: ReturnsPage },
  { path: '/penyelesaian', label: 'upt.nav.settlement', Page: SettlementPage },
  { path: '/pnbp', label: 'upt.nav.pnbp', Page: PnbpPage },
];
