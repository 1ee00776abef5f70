import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReturnedLot, UptReturn, UptReturnStatus } from './domain/upt-return';

/** Returns to UPTs (upt_return): the only code that writes the table. */
@Injectable()
export class UptReturnStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    r: { id: string; agreementId: string; reason: string; shippedAt: Date; shippedBy: string; lines: ReturnedLot[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO upt_return (id, agreement_id, reason, status, shipped_at, shipped_by, lines) VALUES ($1, $2, $3, 'SHIPPED', $4, $5, $6)`,
      [r.id, r.agreementId, r.reason, r.shippedAt, r.shippedBy, JSON.stringify(r.lines)],
    );
  }

  async status(manager: EntityManager, id: string): Promise<UptReturnStatus> {
    const [row] = await manager.query<{ status: UptReturnStatus }[]>(`SELECT status FROM upt_return WHERE id = $1`, [id]);
    return row.status;
  }

  async markReceived(manager: EntityManager, id: string, receivedAt: Date, by: string): Promise<void> {
    await manager.query(`UPDATE upt_return SET status = 'RECEIVED', received_at = $2, received_by = $3 WHERE id = $1`, [
      id,
      receivedAt,
      by,
    ]);
  }

  async find(id: string): Promise<UptReturn | undefined> {
    const [row] = await this.dataSource.query<UptReturn[]>(
      `SELECT id, agreement_id AS "agreementId", reason, status, shipped_at AS "shippedAt", received_at AS "receivedAt", lines FROM upt_return WHERE id = $1`,
      [id],
    );
    return row;
  }
}
