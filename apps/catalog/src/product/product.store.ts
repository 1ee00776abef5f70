import { Injectable } from '@nestjs/common';
import type { ProductCategory, ProductStatus } from '@titipan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Certificate } from './domain/certificates';
import { isConsignable } from './domain/compliance';
import type { ProductFields, ProductRecord, ReviewRecord } from './domain/product';

/** A product with its Kanwil, current price and certificates; also the base of the list queries. */
export const SELECT_PRODUCT = `
  SELECT p.id, p.upt_code, u.kanwil_code, p.sku, p.name, p.description, p.category, p.unit, p.shelf_life_days,
         p.status, p.created_at, p.created_by, p.updated_at,
         (SELECT pp.price FROM product_price pp WHERE pp.product_id = p.id AND pp.effective_from <= now()
           ORDER BY pp.effective_from DESC LIMIT 1) AS price,
         COALESCE((SELECT json_agg(json_build_object('kind', c.kind, 'number', c.number, 'issuedOn', c.issued_on) ORDER BY c.kind, c.number)
                     FROM product_certificate c WHERE c.product_id = p.id), '[]') AS certificates
    FROM product p JOIN upt u ON u.code = p.upt_code`;

export interface ProductRow {
  id: string;
  upt_code: string;
  kanwil_code: string;
  sku: string;
  name: string;
  description: string;
  category: ProductCategory;
  unit: string;
  shelf_life_days: number | null;
  status: ProductStatus;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  /** numeric arrives as text */
  price: string;
  certificates: Certificate[];
}

export function toProductRecord(row: ProductRow): ProductRecord {
  return {
    id: row.id,
    uptCode: row.upt_code,
    kanwilCode: row.kanwil_code,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: row.category,
    unit: row.unit,
    shelfLifeDays: row.shelf_life_days,
    status: row.status,
    consignable: isConsignable(row.shelf_life_days),
    price: Number(row.price),
    certificates: row.certificates,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

const PRODUCT_COLUMNS: Record<keyof ProductFields, string> = {
  sku: 'sku',
  name: 'name',
  description: 'description',
  category: 'category',
  unit: 'unit',
  shelfLifeDays: 'shelf_life_days',
};

/** Products, their certificates, prices, reviews and status history as the use cases write them. */
@Injectable()
export class ProductStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a product; false when the UPT already has the SKU (nothing is written then). */
  async insert(manager: EntityManager, id: string, uptCode: string, fields: ProductFields, createdBy: string): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO product (id, upt_code, sku, name, description, category, unit, shelf_life_days, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9)
       ON CONFLICT ON CONSTRAINT product_sku_per_upt DO NOTHING RETURNING id`,
      [id, uptCode, fields.sku, fields.name, fields.description, fields.category, fields.unit, fields.shelfLifeDays, createdBy],
    );
    return rows.length > 0;
  }

  /** Reads and locks the product: changes to one product happen one at a time, so its events stay in order. */
  async lock(manager: EntityManager, id: string): Promise<ProductRecord | undefined> {
    await manager.query(`SELECT 1 FROM product WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, manager);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProductRecord | undefined> {
    const [row] = await manager.query<ProductRow[]>(`${SELECT_PRODUCT} WHERE p.id = $1`, [id]);
    return row ? toProductRecord(row) : undefined;
  }

  async skuTaken(manager: EntityManager, uptCode: string, sku: string, exceptId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM product WHERE upt_code = $1 AND sku = $2 AND id <> $3`, [
      uptCode,
      sku,
      exceptId,
    ]);
    return rows.length > 0;
  }

  async update(manager: EntityManager, id: string, fields: Partial<ProductFields>): Promise<void> {
    const entries = Object.entries(fields).filter(([k, v]) => v !== undefined && k in PRODUCT_COLUMNS) as [keyof ProductFields, unknown][];
    const sets = entries.map(([k], i) => `${PRODUCT_COLUMNS[k]} = $${i + 2}`);
    await manager.query(`UPDATE product SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [
      id,
      ...entries.map(([, v]) => v),
    ]);
  }

  async replaceCertificates(manager: EntityManager, id: string, certificates: Certificate[]): Promise<void> {
    await manager.query(`DELETE FROM product_certificate WHERE product_id = $1`, [id]);
    if (certificates.length === 0) return;
    await manager.query(
      `INSERT INTO product_certificate (product_id, kind, number, issued_on)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[]) ON CONFLICT DO NOTHING`,
      [id, certificates.map((c) => c.kind), certificates.map((c) => c.number), certificates.map((c) => c.issuedOn)],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    from: ProductStatus | null,
    to: ProductStatus,
    actor: string,
    reason = '',
  ): Promise<void> {
    await manager.query(`UPDATE product SET status = $2, updated_at = now() WHERE id = $1`, [id, to]);
    await manager.query(
      `INSERT INTO product_status_change (product_id, at, from_status, to_status, actor, reason) VALUES ($1, now(), $2, $3, $4, $5)`,
      [id, from, to, actor, reason],
    );
  }

  async addPrice(manager: EntityManager, id: string, price: number, effectiveFrom: Date, recordedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO product_price (product_id, effective_from, price, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id, effective_from) DO UPDATE SET price = EXCLUDED.price, recorded_at = now(), recorded_by = EXCLUDED.recorded_by`,
      [id, effectiveFrom, price, recordedBy],
    );
  }

  /** The price in effect just before the given time (what a change at that time replaces). */
  async priceBefore(manager: EntityManager, id: string, at: Date): Promise<number | undefined> {
    const [row] = await manager.query<{ price: string }[]>(
      `SELECT price FROM product_price WHERE product_id = $1 AND effective_from < $2 ORDER BY effective_from DESC LIMIT 1`,
      [id, at],
    );
    return row ? Number(row.price) : undefined;
  }

  async addReview(manager: EntityManager, review: ReviewRecord): Promise<void> {
    const s = review.scores;
    await manager.query(
      `INSERT INTO curation_review (id, product_id, decision, score_quality, score_packaging, score_compliance, score_market, notes, reviewer, reviewed_at,
                                   decided_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        review.id,
        review.productId,
        review.decision,
        s.quality,
        s.packaging,
        s.compliance,
        s.marketPotential,
        review.notes,
        review.reviewer,
        review.reviewedAt,
        review.decidedOn,
      ],
    );
  }

  /** The Kanwil a UPT belongs to (for curator scope), or undefined for an unknown UPT. */
  async kanwilOf(uptCode: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ kanwil_code: string }[]>(`SELECT kanwil_code FROM upt WHERE code = $1`, [uptCode]);
    return row?.kanwil_code;
  }
}
