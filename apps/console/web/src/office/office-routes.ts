import { ADMIN_ROUTES } from '../admin/routes';
import { CURATOR_ROUTES } from '../curator/routes';
import { DASHBOARD_ROUTES, MINISTRY_ROUTES } from '../dashboard/routes';
import { DOCUMENT_ROUTES } from '../documents/routes';
import { EXHIBITION_ROUTES, UPT_EXHIBITION_ROUTES } from '../exhibition/routes';
import { INBOX_ROUTES } from '../inbox/routes';
import { UPT_ROUTES } from '../upt/routes';
import type { OfficeRoute } from './office-route';

/** The pages each office role has; every role's inbox, and documents opened by QR code, come last. */
export function officeRoutes(role: string): OfficeRoute[] {
  const own: Record<string, OfficeRoute[]> = {
    upt: [...UPT_ROUTES, ...UPT_EXHIBITION_ROUTES],
    curator: CURATOR_ROUTES,
    // an exhibition's organiser: a Kanwil for its region, the ministry for any
    kanwil: [...DASHBOARD_ROUTES, ...EXHIBITION_ROUTES],
    ministry: [...DASHBOARD_ROUTES, ...MINISTRY_ROUTES, ...EXHIBITION_ROUTES],
    admin: ADMIN_ROUTES,
  };
  return [...(own[role] ?? []), ...INBOX_ROUTES, ...DOCUMENT_ROUTES];
}
