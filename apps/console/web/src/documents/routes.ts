import type { OfficeRoute } from '../office/office-route';

/** A printed document opened from its QR code, for whoever may read it. */
export const DOCUMENT_ROUTES: OfficeRoute[] = [];
