import { Injectable } from '@nestjs/common';
import type { EventEnvelope, ProductApprovedV1, ProductPriceChangedV1 } from '@titipan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { PricePoint } from '../agreement/domain/list-price';
import type { ReplicaProduct, ReplicaProductStatus } from './domain/product';

/** Consignment's copy of approved catalog products and their prices; the only code that knows these tables. */
@Injectable()
export class ProductReplicaStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsertApproved(manager: EntityManager, event: EventEnvelope<ProductApprovedV1>): Promise<void> {
    const d = event.data;
    await manager.query(
      `INSERT INTO product_replica (product_id, upt_code, sku, name, category, unit, shelf_life_days, consignable, status, last_event_id, updated_at, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'APPROVED', $9, $10, $11)
       ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name, category = EXCLUDED.category,
         unit = EXCLUDED.unit, shelf_life_days = EXCLUDED.shelf_life_days, consignable = EXCLUDED.consignable,
         status = 'APPROVED', last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at, approved_at = EXCLUDED.approved_at`,
      [d.productId, d.uptCode, d.sku, d.name, d.category, d.unit, d.shelfLifeDays, d.consignable, event.id, event.time, d.approvedAt],
    );
    await this.addPrice(manager, d.productId, d.approvedAt, d.price);
  }

  /** Applies a status change to a product this service knows; one it never saw approved is ignored. */
  async setStatus(manager: EntityManager, productId: string, status: ReplicaProductStatus, event: EventEnvelope): Promise<void> {
    await manager.query(`UPDATE product_replica SET status = $2, last_event_id = $3, updated_at = $4 WHERE product_id = $1`, [
      productId,
      status,
      event.id,
      event.time,
    ]);
  }

  /** A suspension begins at the event's time (a product already suspended stays in the period it is in). */
  async openSuspension(manager: EntityManager, productId: string, event: EventEnvelope): Promise<void> {
    await manager.query(
      `INSERT INTO product_suspension (product_id, suspended_at)
       SELECT product_id, $2 FROM product_replica
        WHERE product_id = $1 AND NOT EXISTS (SELECT 1 FROM product_suspension WHERE product_id = $1 AND reinstated_at IS NULL)
       ON CONFLICT DO NOTHING`,
      [productId, event.time],
    );
  }

  /** The open suspension ends at the event's time. */
  async closeSuspension(manager: EntityManager, productId: string, event: EventEnvelope): Promise<void> {
    await manager.query(
      `UPDATE product_suspension SET reinstated_at = greatest($2::timestamptz, suspended_at) WHERE product_id = $1 AND reinstated_at IS NULL`,
      [productId, event.time],
    );
  }

  async addPriceChange(manager: EntityManager, event: EventEnvelope<ProductPriceChangedV1>): Promise<void> {
    const known = await manager.query<unknown[]>(`SELECT 1 FROM product_replica WHERE product_id = $1`, [event.data.productId]);
    if (known.length > 0) await this.addPrice(manager, event.data.productId, event.data.effectiveFrom, event.data.newPrice);
  }

  private async addPrice(manager: EntityManager, productId: string, effectiveFrom: string, price: number): Promise<void> {
    await manager.query(
      `INSERT INTO product_price_replica (product_id, effective_from, price) VALUES ($1, $2, $3)
       ON CONFLICT (product_id, effective_from) DO UPDATE SET price = EXCLUDED.price`,
      [productId, effectiveFrom, price],
    );
  }

  async find(productIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ReplicaProduct>> {
    const rows = await manager.query<(Omit<ReplicaProduct, 'approvedAt'> & { approvedAt: Date })[]>(
      `SELECT p.product_id AS "productId", p.upt_code AS "uptCode", p.sku, p.name, p.category, p.unit, p.shelf_life_days AS "shelfLifeDays",
              p.consignable, p.status, p.approved_at AS "approvedAt",
              COALESCE((SELECT json_agg(json_build_object('from', s.suspended_at, 'until', s.reinstated_at) ORDER BY s.suspended_at)
                          FROM product_suspension s WHERE s.product_id = p.product_id), '[]') AS suspensions
         FROM product_replica p WHERE p.product_id = ANY($1::uuid[])`,
      [productIds],
    );
    return new Map(rows.map((r) => [r.productId, { ...r, approvedAt: r.approvedAt.toISOString() }]));
  }

  /** Every catalog price of the products, oldest first, to price many sales at their own times. */
  async priceHistories(manager: EntityManager, productIds: string[]): Promise<Map<string, PricePoint[]>> {
    const rows = await manager.query<{ product_id: string; effective_from: Date; price: string }[]>(
      `SELECT product_id, effective_from, price FROM product_price_replica WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, effective_from`,
      [productIds],
    );
    const histories = new Map<string, PricePoint[]>();
    for (const r of rows) {
      const list = histories.get(r.product_id) ?? [];
      list.push({ effectiveFrom: r.effective_from.getTime(), price: Number(r.price) });
      histories.set(r.product_id, list);
    }
    return histories;
  }
}
