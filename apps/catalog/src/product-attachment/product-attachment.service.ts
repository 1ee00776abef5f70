import { createHash } from 'node:crypto';
import { DomainError, newId, notFound, refuse } from '@titipan/kernel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { assertInScope, UnitOfWork, type Page, type PageQueryDto } from '@titipan/platform';
import type { EntityManager } from 'typeorm';
import type { CertificateKind } from '../product/domain/certificates';
import type { ProductRecord } from '../product/domain/product';
import { ProductStore } from '../product/product.store';
import { ATTACHMENT_STORAGES, storageKey, type AttachmentStorages } from './attachment-storage';
import type { AttachmentKind, AttachmentRecord } from './domain/attachment';
import { mediaTypeOf, type UploadType } from './domain/content-type';
import { ATTACHMENT_CHANGE_REFUSAL_KIND, attachmentChangeRefusal, UPLOAD_REFUSAL_KIND, uploadRefusal } from './domain/upload-rules';
import type { AttachmentUploadQueryDto } from './product-attachment.dto';
import { ProductAttachmentStore, type StoredAttachment } from './product-attachment.store';

/** What the API shows of an attachment: not where its bytes are. */
const toRecord = ({ storage: _storage, storageKey: _key, ...record }: StoredAttachment): AttachmentRecord => record;

/** The audit trail's view of an attachment: what was added or removed, and which product's it is. */
const audited = (a: StoredAttachment) => ({
  productId: a.productId,
  kind: a.kind,
  certificate: a.certificate,
  contentType: a.contentType,
  filename: a.filename,
  size: a.size,
  sha256: a.sha256,
  storage: a.storage,
});

/** A file and the content type it was kept with. */
export interface AttachmentContent {
  attachment: AttachmentRecord;
  bytes: Buffer;
}

/**
 * Photos and certificate scans of products. The product's own rules decide who may: its UPT changes them while
 * the product is being prepared (DRAFT) or fixed (REJECTED); whoever may read the product reads them.
 */
@Injectable()
export class ProductAttachmentService {
  private readonly logger = new Logger('ProductAttachments');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductStore,
    private readonly store: ProductAttachmentStore,
    @Inject(ATTACHMENT_STORAGES) private readonly storages: AttachmentStorages,
  ) {}

  /** Keeps a file; the same bytes uploaded again for the same purpose (a retry) give the attachment already kept. */
  async add(productId: string, query: AttachmentUploadQueryDto, contentType: string | undefined, bytes: Buffer, actor: Actor) {
    const refusal = uploadRefusal({ ...query, declaredType: mediaTypeOf(contentType), bytes });
    if (refusal) refuse(refusal, UPLOAD_REFUSAL_KIND);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const kind = query.kind as AttachmentKind;
    const certificate = (query.certificate ?? null) as CertificateKind | null;
    const storage = this.storages.writer;
    return this.uow.run(async (tx): Promise<AttachmentRecord> => {
      const product = await this.lockInScope(tx.manager, productId, actor);
      const same = await this.store.findSame(tx.manager, { productId, kind, certificate, sha256 });
      const attachmentCount = await this.store.count(tx.manager, productId);
      const changeRefusal = attachmentChangeRefusal({ status: product.status, attachmentCount, adding: !same });
      if (changeRefusal) refuse(changeRefusal, ATTACHMENT_CHANGE_REFUSAL_KIND);
      if (same) return toRecord(same);
      const id = newId();
      const attachment: StoredAttachment = {
        id,
        productId,
        kind,
        certificate,
        contentType: mediaTypeOf(contentType) as UploadType,
        filename: query.filename,
        size: bytes.length,
        sha256,
        createdAt: new Date().toISOString(),
        storage: storage.name,
        storageKey: storageKey(productId, id),
      };
      await this.store.insert(tx.manager, attachment, actor.id);
      await storage.put(tx.manager, attachment.storageKey, bytes, attachment.contentType);
      tx.audit({
        entity: 'product-attachment',
        id,
        scopeKey: productId,
        action: 'catalog.product-attachment.added',
        after: audited(attachment),
      });
      return toRecord(attachment);
    });
  }

  async list(productId: string, page: PageQueryDto): Promise<Page<AttachmentRecord>> {
    await this.product(productId);
    const { items, total } = await this.store.list(productId, page);
    return { items: items.map(toRecord), total, limit: page.limit, offset: page.offset };
  }

  async content(productId: string, id: string): Promise<AttachmentContent> {
    await this.product(productId);
    const attachment = await this.store.find(productId, id);
    if (!attachment) throw notFound('attachment', id);
    const storage = this.storages.of(attachment.storage);
    if (!storage) {
      throw new DomainError(
        'unavailable',
        'ATTACHMENT_STORAGE_UNAVAILABLE',
        `the file is kept in ${attachment.storage}, which catalog is not set up to reach`,
        {
          storage: attachment.storage,
        },
      );
    }
    const bytes = await storage.read(attachment.storageKey);
    if (!bytes)
      throw new DomainError(
        'not_found',
        'ATTACHMENT_CONTENT_MISSING',
        `the bytes of attachment ${id} are missing from ${attachment.storage}`,
        { id },
      );
    return { attachment: toRecord(attachment), bytes };
  }

  /** Removes a file; its bytes go once the removal has committed. */
  async remove(productId: string, id: string, actor: Actor): Promise<void> {
    const removed = await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx.manager, productId, actor);
      const attachment = await this.store.find(productId, id, tx.manager);
      if (!attachment) throw notFound('attachment', id);
      const changeRefusal = attachmentChangeRefusal({ status: product.status, attachmentCount: 0, adding: false });
      if (changeRefusal) refuse(changeRefusal, ATTACHMENT_CHANGE_REFUSAL_KIND);
      await this.store.delete(tx.manager, id);
      tx.audit({
        entity: 'product-attachment',
        id,
        scopeKey: productId,
        action: 'catalog.product-attachment.removed',
        before: audited(attachment),
      });
      return attachment;
    });
    await this.storages
      .of(removed.storage)
      ?.remove(removed.storageKey)
      .catch((error: unknown) =>
        this.logger.warn(`bytes of removed attachment ${id} stay in ${removed.storage}: ${(error as Error).message}`),
      );
  }

  private async product(id: string): Promise<ProductRecord> {
    const product = await this.products.find(id);
    if (!product) throw notFound('product', id);
    return product;
  }

  /** Locks the product (its files change one at a time) and checks the actor is of its UPT. */
  private async lockInScope(manager: EntityManager, id: string, actor: Actor): Promise<ProductRecord> {
    const product = await this.products.lock(manager, id);
    if (!product) throw notFound('product', id);
    assertInScope(actor, 'upt', product.uptCode);
    return product;
  }
}
