import { Injectable } from '@nestjs/common';
import type { ProductCategory, ProductStatus } from '@titipan/contracts';
import { equalityWhere } from '@titipan/platform';
import { DataSource } from 'typeorm';
import type { PriceRecord, ProductRecord, ReviewRecord } from './domain/product';
import { SELECT_PRODUCT, toProductRecord, type ProductRow } from './product.store';

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

interface PriceRow {
  price: string;
  effective_from: Date;
  recorded_at: Date;
  recorded_by: string;
}

interface ReviewRow {
  id: string;
  product_id: string;
  decision: ReviewRecord['decision'];
  score_quality: number;
  score_packaging: number;
  score_compliance: number;
  score_market: number;
  notes: string;
  reviewer: string;
  reviewed_at: Date;
  /** decided_on as a YYYY-MM-DD string (node-pg would read a date column as a local-time Date). */
  decided_day: string;
}

/** The read side of the catalog: product lists, price histories and reviews. */
@Injectable()
export class ProductQueries {
  constructor(private readonly dataSource: DataSource) {}

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
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM product p JOIN upt u ON u.code = p.upt_code ${whereText}`,
      params,
    );
    const rows = await this.dataSource.query<ProductRow[]>(
      `${SELECT_PRODUCT} ${whereText} ORDER BY p.upt_code, p.sku LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toProductRecord), total };
  }

  /** Approved food and beverage: the products whose izin edar can run out. */
  async approvedNeedingIzinEdar(): Promise<ProductRecord[]> {
    const rows = await this.dataSource.query<ProductRow[]>(
      `${SELECT_PRODUCT} WHERE p.status = 'APPROVED' AND p.category IN ('food', 'beverage') ORDER BY p.id`,
    );
    return rows.map(toProductRecord);
  }

  async prices(id: string, page: PageWindow): Promise<{ items: PriceRecord[]; total: number }> {
    const rows = await this.dataSource.query<(PriceRow & Counted)[]>(
      `SELECT price, effective_from, recorded_at, recorded_by, count(*) OVER ()::int AS total
         FROM product_price WHERE product_id = $1 ORDER BY effective_from LIMIT $2 OFFSET $3`,
      [id, page.limit, page.offset],
    );
    return counted(rows, (r) => ({
      price: Number(r.price),
      effectiveFrom: r.effective_from.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by,
    }));
  }

  async reviews(productId: string, page: PageWindow): Promise<{ items: ReviewRecord[]; total: number }> {
    const rows = await this.dataSource.query<(ReviewRow & Counted)[]>(
      `SELECT *, to_char(decided_on, 'YYYY-MM-DD') AS decided_day, count(*) OVER ()::int AS total
         FROM curation_review WHERE product_id = $1 ORDER BY reviewed_at LIMIT $2 OFFSET $3`,
      [productId, page.limit, page.offset],
    );
    return counted(rows, (r) => ({
      id: r.id,
      productId: r.product_id,
      decision: r.decision,
      scores: { quality: r.score_quality, packaging: r.score_packaging, compliance: r.score_compliance, marketPotential: r.score_market },
      notes: r.notes,
      reviewer: r.reviewer,
      reviewedAt: r.reviewed_at.toISOString(),
      decidedOn: r.decided_day,
    }));
  }
}

type PageWindow = { limit: number; offset: number };
type Counted = { total: number };

/** Maps a window of rows that each carry the full count (count(*) OVER ()) to its items and total. */
function counted<R extends Counted, T>(rows: R[], map: (row: R) => T): { items: T[]; total: number } {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}
