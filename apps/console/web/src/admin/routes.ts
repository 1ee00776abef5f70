import { lazyPage } from '../office/lazy-page';
import type { OfficeRoute } from '../office/office-route';

const pages = () => import('./pages');

/** The administrator's pages. */
export const ADMIN_ROUTES: OfficeRoute[] = [
  { path: '/organisasi', label: 'admin.nav.organisation', Page: lazyPage(() => pages().then((m) => m.OrganisationPage)) },
  { path: '/gerai', label: 'admin.nav.venues', Page: lazyPage(() => pages().then((m) => m.VenuesPage)) },
  { path: '/perjanjian', label: 'admin.nav.agreements', Page: lazyPage(() => pages().then((m) => m.AgreementsPage)) },
  { path: '/perjanjian/:id', Page: lazyPage(() => pages().then((m) => m.AgreementPage)) },
  { path: '/pengguna', label: 'admin.nav.users', Page: lazyPage(() => pages().then((m) => m.UsersPage)) },
  { path: '/jejak-audit', label: 'admin.nav.audit', Page: lazyPage(() => pages().then((m) => m.AuditPage)) },
];
