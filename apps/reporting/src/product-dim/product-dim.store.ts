import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProductInfo } from './domain/product-info';

/** The product_dim table: approved products as catalog announced them. */
@Injectable()
export class ProductDimStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, p: ProductInfo & { uptCode: string }): Promise<void> {
    await manager.query(
      `INSERT INTO product_dim (product_id, upt_code, sku, name, category, unit) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name, category = EXCLUDED.category, unit = EXCLUDED.unit`,
      [p.productId, p.uptCode, p.sku, p.name, p.category, p.unit],
    );
  }

  async products(ids: string[]): Promise<Map<string, ProductInfo>> {
    const rows: ProductInfo[] = await this.dataSource.query(
      `SELECT product_id AS "productId", sku, name, category, unit FROM product_dim WHERE product_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.productId, r]));
  }
}
