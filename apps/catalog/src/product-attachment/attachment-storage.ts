import type { EntityManager } from 'typeorm';
import type { StorageName } from './domain/attachment';

/**
 * Where attachments' bytes are kept (their metadata is always in catalog's schema). Keys are catalog's own
 * (`products/<product id>/<attachment id>`), never a file name.
 */
export interface AttachmentStorage {
  readonly name: StorageName;
  /**
   * Keeps the bytes, inside the transaction that records the metadata: the Postgres store writes through it, so
   * both commit or neither; an S3 store writes at once (a rolled-back upload leaves an object no row names).
   */
  put(manager: EntityManager, key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when nothing is kept under the key. */
  read(key: string): Promise<Buffer | undefined>;
  /**
   * Forgets the bytes. Called once the metadata's removal has committed: a failure leaves bytes no row names,
   * never a listed attachment without its bytes.
   */
  remove(key: string): Promise<void>;
}

/** The store new attachments go to (by configuration), and every store an existing attachment may be read from. */
export interface AttachmentStorages {
  readonly writer: AttachmentStorage;
  /** The store an attachment was written to; undefined when catalog is no longer set up to reach it. */
  of(name: StorageName): AttachmentStorage | undefined;
}

export const ATTACHMENT_STORAGES = Symbol('ATTACHMENT_STORAGES');

export const storageKey = (productId: string, attachmentId: string) => `products/${productId}/${attachmentId}`;
