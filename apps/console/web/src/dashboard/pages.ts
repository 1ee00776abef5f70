// every dashboard and policy page in one lazily fetched bundle (one request, less per-chunk overhead)
export { PnbpTargetPage, SplitPolicyPage } from './policy-pages';
export { DiscrepancyPage, MoversPage, NearExpiryDashboardPage, OutstandingPage, PnbpPage } from './report-pages';
export { SalesPage } from './sales-page';
