// The administrator's pages, one chunk fetched when an administrator first opens one (routes.ts).
export { AgreementPage } from './agreement-page';
export { AgreementsPage } from './agreements-page';
export { AuditPage } from './audit-page';
export { OrganisationPage } from './organisation-page';
export { UsersPage } from './users-page';
export { VenuesPage } from './venues-page';
