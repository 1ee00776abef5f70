import { Injectable } from '@nestjs/common';
import { ProductApproved, type EventEnvelope, type ProductApprovedV1 } from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { DataSource } from 'typeorm';

export interface ProductInfo {
  productId: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
}

/** What reporting knows of products: names for statements and exports, categories for rollups. */
@Injectable()
export class ProductDimHandler implements EventHandler {
  readonly name = 'product-dim';
  readonly streams = ['catalog'] as const;
  readonly events = [ProductApproved];

  constructor(private readonly dataSource: DataSource) {}

  async handle(event: EventEnvelope<ProductApprovedV1>, tx: Tx): Promise<void> {
    const d = event.data;
    await tx.manager.query(
      `INSERT INTO product_dim (product_id, upt_code, sku, name, category, unit) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name, category = EXCLUDED.category, unit = EXCLUDED.unit`,
      [d.productId, d.uptCode, d.sku, d.name, d.category, d.unit],
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
