/**
 * Where the console gets each printed document: the address a QR code opens is `/dokumen/<kind>/<id>`, and the PDF
 * comes from consignment through the console's backend (`/api/consignment/...`). Plain TS, unit-tested.
 */
export const DOCUMENT_KINDS = ['surat-jalan', 'bast', 'retur', 'stok-opname'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The PDF of a document, through the console's backend. */
export function documentPdfPath(kind: DocumentKind, id: string): string {
  const at = encodeURIComponent(id);
  switch (kind) {
    case 'surat-jalan':
      return `/api/consignment/dispatches/${at}/surat-jalan`;
    case 'bast':
      return `/api/consignment/dispatches/${at}/bast`;
    case 'retur':
      return `/api/consignment/returns/${at}/note`;
    case 'stok-opname':
      return `/api/consignment/stock-counts/${at}/record`;
  }
}

/** The label sheet that goes with a surat jalan (the same dispatch). */
export const labelsPdfPath = (dispatchId: string) => `/api/consignment/dispatches/${encodeURIComponent(dispatchId)}/labels`;

/** The file name a PDF is offered under (Content-Disposition), or a name made of the kind and id. */
export function filenameOf(contentDisposition: string | null, kind: DocumentKind, id: string): string {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  return match ? match[1] : `${kind}-${id}.pdf`;
}

/** Why a document cannot be shown, as the i18n key of its message. */
export function refusalKey(status: number, code: string): string {
  if (code === 'DISPATCH_NOT_RECEIVED') return 'documents.notReceived';
  if (status === 403) return 'documents.forbidden';
  if (status === 404) return 'documents.notFound';
  return 'documents.failed';
}
