import type { CertificateKind } from '../../product/domain/certificates';
import type { UploadType } from './content-type';

/** What a file attached to a product shows: the product itself, or the scan of one of its certificates. */
export const ATTACHMENT_KINDS = ['photo', 'certificate'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Where an attachment's bytes are kept; recorded with each attachment, which is always read from where it was written. */
export const STORAGE_NAMES = ['postgres', 's3'] as const;
export type StorageName = (typeof STORAGE_NAMES)[number];

/** An attachment's metadata, as the API shows it (the bytes are fetched on their own). */
export interface AttachmentRecord {
  id: string;
  productId: string;
  kind: AttachmentKind;
  /** The certificate the scan belongs to, when the uploader named one. */
  certificate: CertificateKind | null;
  contentType: UploadType;
  filename: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  createdAt: string;
}
