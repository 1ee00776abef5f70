import type { OfficeRoute } from '../office/office-route';
import { SplitPolicyPage, PnbpTargetPage } from './policy-pages';
import { DiscrepancyPage, MoversPage, NearExpiryDashboardPage, OutstandingPage, PnbpPage } from './report-pages';
import { SalesPage } from './sales-page';

/** The dashboard, for the Kanwil (its region) and the ministry (the nation). */
export const DASHBOARD_ROUTES: OfficeRoute[] = [
  { path: '/dasbor', label: 'dashboard.nav.sales', Page: SalesPage },
  { path: '/dasbor/pnbp', label: 'dashboard.nav.pnbp', Page: PnbpPage },
  { path: '/dasbor/tagihan', label: 'dashboard.nav.outstanding', Page: OutstandingPage },
  { path: '/dasbor/selisih', label: 'dashboard.nav.discrepancies', Page: DiscrepancyPage },
  { path: '/dasbor/kedaluwarsa', label: 'dashboard.nav.nearExpiry', Page: NearExpiryDashboardPage },
  { path: '/dasbor/laris', label: 'dashboard.nav.movers', Page: MoversPage },
];

/** The ministry's own pages: split policies and PNBP targets. */
export const MINISTRY_ROUTES: OfficeRoute[] = [
  { path: '/kebijakan/bagi-hasil', label: 'policy.nav.split', Page: SplitPolicyPage },
  { path: '/kebijakan/target-pnbp', label: 'policy.nav.target', Page: PnbpTargetPage },
];
