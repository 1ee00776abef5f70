import type { OfficeRoute } from '../office/office-route';
import { AgreementPage } from './agreement-page';
import { AgreementsPage } from './agreements-page';
import { AuditPage } from './audit-page';
import { OrganisationPage } from './organisation-page';
import { UsersPage } from './users-page';
import { VenuesPage } from './venues-page';

/** The administrator's pages. */
export const ADMIN_ROUTES: OfficeRoute[] = [
  { path: '/organisasi', label: 'admin.nav.organisation', Page: OrganisationPage },
  { path: '/gerai', label: 'admin.nav.venues', Page: VenuesPage },
  { path: '/perjanjian', label: 'admin.nav.agreements', Page: AgreementsPage },
  { path: '/perjanjian/:id', Page: AgreementPage },
  { path: '/pengguna', label: 'admin.nav.users', Page: UsersPage },
  { path: '/jejak-audit', label: 'admin.nav.audit', Page: AuditPage },
];
