import type { OfficeRoute } from '../office/office-route';

/** The Kanwil curator's pages. */
export const CURATOR_ROUTES: OfficeRoute[] = [];
