import type { OfficeRoute } from '../office/office-route';

/** The dashboard, for the Kanwil (its region) and the ministry (the nation). */
export const DASHBOARD_ROUTES: OfficeRoute[] = [];

/** The ministry's own pages: split policies and PNBP targets. */
export const MINISTRY_ROUTES: OfficeRoute[] = [];
