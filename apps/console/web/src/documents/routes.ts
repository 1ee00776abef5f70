import { h } from 'preact';
import type { OfficeRoute } from '../office/office-route';
import { DocumentPage } from './document-page';
import { DOCUMENT_KINDS } from './document-source';

/** A printed document opened from its QR code (`/dokumen/<kind>/<id>`), for whoever may read it; no menu entry. */
export const DOCUMENT_ROUTES: OfficeRoute[] = DOCUMENT_KINDS.map((kind) => ({
  path: `/dokumen/${kind}/:id`,
  Page: ({ param }: { param?: string }) => h(DocumentPage, { kind, id: param }),
}));
