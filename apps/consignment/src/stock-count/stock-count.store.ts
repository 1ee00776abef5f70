import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CountedLot } from './domain/stock-count';

/** Stock counts (stock_count): the only code that writes the table. */
@Injectable()
export class StockCountStore {
  async insert(
    manager: EntityManager,
    c: { id: string; agreementId: string; countedAt: Date; countedBy: string; reason: string; lines: CountedLot[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO stock_count (id, agreement_id, counted_at, counted_by, reason, lines) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.id, c.agreementId, c.countedAt, c.countedBy, c.reason, JSON.stringify(c.lines)],
    );
  }
}
