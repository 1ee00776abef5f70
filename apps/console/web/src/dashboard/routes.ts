import type { OfficeRoute } from '../office/office-route';
import { lazyPage } from '../office/lazy-page';

const pages = () => import('./pages');

/** The dashboard, for the Kanwil (its region) and the ministry (the nation). */
export const DASHBOARD_ROUTES: OfficeRoute[] = [
  { path: '/dasbor', label: 'dashboard.nav.sales', Page: lazyPage(() => pages().then((m) => m.SalesPage)) },
  { path: '/dasbor/pnbp', label: 'dashboard.nav.pnbp', Page: lazyPage(() => pages().then((m) => m.PnbpPage)) },
  { path: '/dasbor/tagihan', label: 'dashboard.nav.outstanding', Page: lazyPage(() => pages().then((m) => m.OutstandingPage)) },
  { path: '/dasbor/selisih', label: 'dashboard.nav.discrepancies', Page: lazyPage(() => pages().then((m) => m.DiscrepancyPage)) },
  {
    path: '/dasbor/kedaluwarsa',
    label: 'dashboard.nav.nearExpiry',
    Page: lazyPage(() => pages().then((m) => m.NearExpiryDashboardPage)),
  },
  { path: '/dasbor/laris', label: 'dashboard.nav.movers', Page: lazyPage(() => pages().then((m) => m.MoversPage)) },
];

/** The ministry's own pages: split policies and PNBP targets. */
export const MINISTRY_ROUTES: OfficeRoute[] = [
  { path: '/kebijakan/bagi-hasil', label: 'policy.nav.split', Page: lazyPage(() => pages().then((m) => m.SplitPolicyPage)) },
  { path: '/kebijakan/target-pnbp', label: 'policy.nav.target', Page: lazyPage(() => pages().then((m) => m.PnbpTargetPage)) },
];
