import type { AttachmentKind, CertificateKind } from '../product/product-fields';

/**
 * What the catalog takes as a product's attachment (issue 16's contract): photos as JPEG, PNG or WebP up to 5 MB;
 * certificate scans as a PDF up to 10 MB or an image up to 5 MB. Checked here before the bytes are sent, so the
 * clerk hears at once; the catalog checks again from the bytes themselves. Plain TS, unit-tested beside.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const CERTIFICATE_TYPES = ['application/pdf', ...PHOTO_TYPES] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** What the file picker offers. */
export const ACCEPT: Record<AttachmentKind, string> = {
  photo: PHOTO_TYPES.join(','),
  certificate: CERTIFICATE_TYPES.join(','),
};

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

export interface PickedFile {
  name: string;
  /** As the browser tells it; empty on some systems, then the extension decides. */
  type: string;
  size: number;
}

export type UploadProblem = { code: 'EMPTY' } | { code: 'TYPE'; accepted: string } | { code: 'TOO_LARGE'; limitBytes: number };

/** The content type the bytes are sent with. */
export function contentTypeOf(file: PickedFile): string {
  if (file.type) return file.type.toLowerCase();
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}

export function uploadProblem(kind: AttachmentKind, file: PickedFile): UploadProblem | undefined {
  if (file.size === 0) return { code: 'EMPTY' };
  const type = contentTypeOf(file);
  const accepted: readonly string[] = kind === 'photo' ? PHOTO_TYPES : CERTIFICATE_TYPES;
  if (!accepted.includes(type)) return { code: 'TYPE', accepted: kind === 'photo' ? 'JPEG, PNG, WebP' : 'PDF, JPEG, PNG, WebP' };
  const limitBytes = type === 'application/pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES;
  if (file.size > limitBytes) return { code: 'TOO_LARGE', limitBytes };
  return undefined;
}

/** The catalog keeps a file name of up to 200 characters, without control characters, slashes or quotes. */
export const MAX_FILENAME_LENGTH = 200;

/** The file's name as the catalog takes it: what it refuses replaced by `_`, cut to its length (the extension kept). */
export function safeFilename(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f/\\"]/g, '_').trim();
  if (!clean || /^\.+$/.test(clean)) return fallback;
  if (clean.length <= MAX_FILENAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILENAME_LENGTH - extension.length).trim() + extension;
}

/** The query of POST /products/:id/attachments. */
export function uploadQuery(kind: AttachmentKind, filename: string, certificate?: CertificateKind | ''): string {
  const query = new URLSearchParams({ kind, filename: safeFilename(filename, kind) });
  if (kind === 'certificate' && certificate) query.set('certificate', certificate);
  return query.toString();
}

/** `1,2 MB`, `340 kB`: a file's size as the clerk reads it. */
export function formatBytes(bytes: number): string {
  const number = (value: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
