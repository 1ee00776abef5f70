import type { OfficeRoute } from '../office/office-route';

/** The UPT clerk's pages. */
export const UPT_ROUTES: OfficeRoute[] = [];
