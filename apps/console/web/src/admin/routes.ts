import type { OfficeRoute } from '../office/office-route';

/** The administrator's pages. */
export const ADMIN_ROUTES: OfficeRoute[] = [];
