import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRecord, StorageName } from './domain/attachment';

/** An attachment's metadata with where its bytes are. */
export interface StoredAttachment extends AttachmentRecord {
  storage: StorageName;
  storageKey: string;
}

interface AttachmentRow {
  id: string;
  product_id: string;
  kind: AttachmentRecord['kind'];
  certificate: AttachmentRecord['certificate'];
  content_type: AttachmentRecord['contentType'];
  filename: string;
  size: number;
  sha256: string;
  storage: StorageName;
  storage_key: string;
  created_at: Date;
}

type PageWindow = { limit: number; offset: number };

const SELECT_ATTACHMENT = `
  SELECT id, product_id, kind, certificate, content_type, filename, size, sha256, storage, storage_key, created_at
    FROM product_attachment`;

const toStored = (row: AttachmentRow): StoredAttachment => ({
  id: row.id,
  productId: row.product_id,
  kind: row.kind,
  certificate: row.certificate,
  contentType: row.content_type,
  filename: row.filename,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at.toISOString(),
  storage: row.storage,
  storageKey: row.storage_key,
});

/** The metadata of products' attachments (their bytes are the storage's). */
@Injectable()
export class ProductAttachmentStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, attachment: StoredAttachment, createdBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO product_attachment (id, product_id, kind, certificate, content_type, filename, size, sha256, storage, storage_key, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        attachment.id,
        attachment.productId,
        attachment.kind,
        attachment.certificate,
        attachment.contentType,
        attachment.filename,
        attachment.size,
        attachment.sha256,
        attachment.storage,
        attachment.storageKey,
        attachment.createdAt,
        createdBy,
      ],
    );
  }

  /** The attachment already kept with the same bytes for the same purpose (what a retried upload finds). */
  async findSame(
    manager: EntityManager,
    same: Pick<AttachmentRecord, 'productId' | 'kind' | 'certificate' | 'sha256'>,
  ): Promise<StoredAttachment | undefined> {
    const [row] = await manager.query<AttachmentRow[]>(
      `${SELECT_ATTACHMENT} WHERE product_id = $1 AND kind = $2 AND COALESCE(certificate, '') = COALESCE($3, '') AND sha256 = $4`,
      [same.productId, same.kind, same.certificate, same.sha256],
    );
    return row ? toStored(row) : undefined;
  }

  async count(manager: EntityManager, productId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM product_attachment WHERE product_id = $1`, [
      productId,
    ]);
    return row.n;
  }

  async find(productId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredAttachment | undefined> {
    const [row] = await manager.query<AttachmentRow[]>(`${SELECT_ATTACHMENT} WHERE product_id = $1 AND id = $2`, [productId, id]);
    return row ? toStored(row) : undefined;
  }

  /** A page of a product's attachments, oldest first (the order they were added in), with their total. */
  async list(productId: string, page: PageWindow): Promise<{ items: StoredAttachment[]; total: number }> {
    const rows = await this.dataSource.query<(AttachmentRow & { total: number })[]>(
      `SELECT a.*, count(*) OVER ()::int AS total FROM (${SELECT_ATTACHMENT} WHERE product_id = $1) a
        ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [productId, page.limit, page.offset],
    );
    return { items: rows.map(toStored), total: rows[0]?.total ?? (await this.count(this.dataSource.manager, productId)) };
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM product_attachment WHERE id = $1`, [id]);
  }
}
