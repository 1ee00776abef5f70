import { Injectable } from '@nestjs/common';
import type { ProductCategory, ProductStatus } from '@titipan/contracts';
import { equalityWhere } from '@titipan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Certificate, CertificateKind } from '../domain/certificates';
import { isConsignable } from '../domain/compliance';

export interface ProductRecord {
  id: string;
  uptCode: string;
  kanwilCode: string;
  sku: string;
  name: string;
  description: string;
  category: ProductCategory;
  unit: string;
  shelfLifeDays: number | null;
  status: ProductStatus;
  consignable: boolean;
  /** Retail price in effect now, whole rupiah. */
  price: number;
  certificates: Certificate[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export type ProductFields = Pick<ProductRecord, 'sku' | 'name' | 'description' | 'category' | 'unit' | 'shelfLifeDays'>;

export interface ProductFilter {
  uptCode?: string;
  kanwilCode?: string;
  category?: ProductCategory;
  status?: ProductStatus;
  sku?: string;
  /** Case-insensitive substring of the name. */
  text?: string;
  limit: number;
  offset: number;
}

export interface ReviewRecord {
  id: string;
  productId: string;
  decision: 'APPROVED' | 'REJECTED';
  scores: { quality: number; packaging: number; compliance: number; marketPotential: number };
  notes: string;
  reviewer: string;
  reviewedAt: string;
}

export interface PriceRecord {
  price: number;
  effectiveFrom: string;
  recordedAt: string;
  recordedBy: string;
}

const SELECT_PRODUCT = `
  SELECT p.id, p.upt_code, u.kanwil_code, p.sku, p.name, p.description, p.category, p.unit, p.shelf_life_days,
         p.status, p.created_at, p.created_by, p.updated_at,
         (SELECT pp.price FROM product_price pp WHERE pp.product_id = p.id AND pp.effective_from <= now()
           ORDER BY pp.effective_from DESC LIMIT 1) AS price,
         COALESCE((SELECT json_agg(json_build_object('kind', c.kind, 'number', c.number, 'issuedOn', c.issued_on) ORDER BY c.kind, c.number)
                     FROM product_certificate c WHERE c.product_id = p.id), '[]') AS certificates
    FROM product p JOIN upt u ON u.code = p.upt_code`;

interface ProductRow {
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
  price: string;
  certificates: { kind: CertificateKind; number: string; issuedOn: string }[];
}

function toRecord(row: ProductRow): ProductRecord {
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

/** Products, their certificates, prices, reviews and status history: the only code that knows these tables. */
@Injectable()
export class ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a product; false when the UPT already has the SKU (nothing is written then). */
  async insert(manager: EntityManager, id: string, uptCode: string, fields: ProductFields, createdBy: string): Promise<boolean> {
    const rows = await manager.query(
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
    const [row] = await manager.query(`${SELECT_PRODUCT} WHERE p.id = $1`, [id]);
    return row ? toRecord(row) : undefined;
  }

  async skuTaken(manager: EntityManager, uptCode: string, sku: string, exceptId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM product WHERE upt_code = $1 AND sku = $2 AND id <> $3`, [uptCode, sku, exceptId]);
    return rows.length > 0;
  }

  async update(manager: EntityManager, id: string, fields: Partial<ProductFields>): Promise<void> {
    const columns: Record<keyof ProductFields, string> = {
      sku: 'sku',
      name: 'name',
      description: 'description',
      category: 'category',
      unit: 'unit',
      shelfLifeDays: 'shelf_life_days',
    };
    const entries = Object.entries(fields).filter(([k, v]) => v !== undefined && k in columns) as [keyof ProductFields, unknown][];
    const sets = entries.map(([k], i) => `${columns[k]} = $${i + 2}`);
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
    const [row] = await manager.query(
      `SELECT price FROM product_price WHERE product_id = $1 AND effective_from < $2 ORDER BY effective_from DESC LIMIT 1`,
      [id, at],
    );
    return row ? Number(row.price) : undefined;
  }

  async prices(id: string): Promise<PriceRecord[]> {
    const rows = await this.dataSource.query(
      `SELECT price, effective_from, recorded_at, recorded_by FROM product_price WHERE product_id = $1 ORDER BY effective_from`,
      [id],
    );
    return rows.map((r: { price: string; effective_from: Date; recorded_at: Date; recorded_by: string }) => ({
      price: Number(r.price),
      effectiveFrom: r.effective_from.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by,
    }));
  }

  async addReview(manager: EntityManager, review: ReviewRecord): Promise<void> {
    const s = review.scores;
    await manager.query(
      `INSERT INTO curation_review (id, product_id, decision, score_quality, score_packaging, score_compliance, score_market, notes, reviewer, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
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
      ],
    );
  }

  async reviews(productId: string): Promise<ReviewRecord[]> {
    const rows = await this.dataSource.query(`SELECT * FROM curation_review WHERE product_id = $1 ORDER BY reviewed_at`, [productId]);
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      productId: r.product_id,
      decision: r.decision,
      scores: { quality: r.score_quality, packaging: r.score_packaging, compliance: r.score_compliance, marketPotential: r.score_market },
      notes: r.notes,
      reviewer: r.reviewer,
      reviewedAt: r.reviewed_at.toISOString(),
    }));
  }

  async list(filter: ProductFilter): Promise<{ items: ProductRecord[]; total: number }> {
    const { where, params } = equalityWhere([
      ['p.upt_code', filter.uptCode],
      ['u.kanwil_code', filter.kanwilCode],
      ['p.category', filter.category],
      ['p.status', filter.status],
      ['p.sku', filter.sku],
    ]);
    let whereText = where;
    if (filter.text) {
      params.push(`%${filter.text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
      whereText = `${where ? `${where} AND` : 'WHERE'} lower(p.name) LIKE $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM product p JOIN upt u ON u.code = p.upt_code ${whereText}`,
      params,
    );
    const rows = await this.dataSource.query(
      `${SELECT_PRODUCT} ${whereText} ORDER BY p.upt_code, p.sku LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toRecord), total };
  }

  /** Approved food and beverage: the products whose izin edar can run out. */
  async approvedNeedingIzinEdar(): Promise<ProductRecord[]> {
    const rows = await this.dataSource.query(
      `${SELECT_PRODUCT} WHERE p.status = 'APPROVED' AND p.category IN ('food', 'beverage') ORDER BY p.id`,
    );
    return rows.map(toRecord);
  }

  /** The Kanwil a UPT belongs to (for curator scope), or undefined for an unknown UPT. */
  async kanwilOf(uptCode: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT kanwil_code FROM upt WHERE code = $1`, [uptCode]);
    return row?.kanwil_code;
  }
}
