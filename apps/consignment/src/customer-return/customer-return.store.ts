import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CustomerReturn } from './domain/customer-return';

type CustomerReturnRow = Omit<CustomerReturn, 'status' | 'amount' | 'returnedAt'> & { amount: string; returnedAt: Date };

/** Customer returns (customer_return): the only code that knows the table. */
@Injectable()
export class CustomerReturnStore {
  async find(manager: EntityManager, venueCode: string, returnNo: string): Promise<CustomerReturn | undefined> {
    const [row] = await manager.query<CustomerReturnRow[]>(
      `SELECT return_no AS "returnNo", receipt_no AS "receiptNo", line_no AS "lineNo", agreement_id AS "agreementId", quantity,
              resellable, amount, returned_at AS "returnedAt", period, lots
         FROM customer_return WHERE venue_code = $1 AND return_no = $2`,
      [venueCode, returnNo],
    );
    return row ? { ...row, status: 'accepted', amount: Number(row.amount), returnedAt: row.returnedAt.toISOString() } : undefined;
  }

  /** Units of a sale line already returned, by lot. */
  async returnedByLot(manager: EntityManager, venueCode: string, receiptNo: string, lineNo: number): Promise<Map<string, number>> {
    const rows = await manager.query<{ lot_code: string; quantity: number }[]>(
      `SELECT lot->>'lotCode' AS lot_code, sum((lot->>'quantity')::int)::int AS quantity
         FROM customer_return, jsonb_array_elements(lots) AS lot
        WHERE venue_code = $1 AND receipt_no = $2 AND line_no = $3 GROUP BY 1`,
      [venueCode, receiptNo, lineNo],
    );
    return new Map(rows.map((r) => [r.lot_code, r.quantity]));
  }

  async insert(manager: EntityManager, venueCode: string, r: CustomerReturn, reason: string): Promise<void> {
    await manager.query(
      `INSERT INTO customer_return (venue_code, return_no, receipt_no, line_no, agreement_id, quantity, resellable, amount, reason, returned_at, period, lots)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        venueCode,
        r.returnNo,
        r.receiptNo,
        r.lineNo,
        r.agreementId,
        r.quantity,
        r.resellable,
        r.amount,
        reason,
        r.returnedAt,
        r.period,
        JSON.stringify(r.lots),
      ],
    );
  }
}
