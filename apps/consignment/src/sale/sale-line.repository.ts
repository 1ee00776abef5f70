import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Allocation } from '../stock/domain/fefo';
import type { CustomerReturn } from './customer-return.service';

export interface RecordedSaleLine {
  venueCode: string;
  receiptNo: string;
  lineNo: number;
  agreementId: string;
  productId: string;
  quantity: number;
  unitPrice: number;
  listPrice: number;
  amount: number;
  soldAt: string;
  period: string;
  allocations: Allocation[];
  batchId: string;
}

/** Accepted sale lines by the venue's receipt number and line: how a retried upload is recognised. */
@Injectable()
export class SaleLineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One recorded sale line of a venue (sale lines never change, so no lock is needed). */
  async findSale(venueCode: string, receiptNo: string, lineNo: number): Promise<RecordedSaleLine | undefined> {
    return (await this.findByKeys(this.dataSource.manager, venueCode, [{ receiptNo, lineNo }])).get(saleKey({ receiptNo, lineNo }));
  }

  async findByKeys(
    manager: EntityManager,
    venueCode: string,
    keys: { receiptNo: string; lineNo: number }[],
  ): Promise<Map<string, RecordedSaleLine>> {
    if (keys.length === 0) return new Map();
    const rows = await manager.query(
      `SELECT s.venue_code AS "venueCode", s.receipt_no AS "receiptNo", s.line_no AS "lineNo", s.agreement_id AS "agreementId",
              s.product_id AS "productId", s.quantity, s.unit_price AS "unitPrice", s.list_price AS "listPrice", s.amount,
              s.sold_at AS "soldAt", s.period, s.allocations, s.batch_id AS "batchId"
         FROM sale_line s JOIN unnest($2::text[], $3::int[]) AS k(receipt_no, line_no) USING (receipt_no, line_no)
        WHERE s.venue_code = $1`,
      [venueCode, keys.map((k) => k.receiptNo), keys.map((k) => k.lineNo)],
    );
    return new Map(
      rows.map((r: RecordedSaleLine & { unitPrice: string; listPrice: string; amount: string; soldAt: Date }) => [
        saleKey(r),
        { ...r, unitPrice: Number(r.unitPrice), listPrice: Number(r.listPrice), amount: Number(r.amount), soldAt: r.soldAt.toISOString() },
      ]),
    );
  }

  async findReturn(manager: EntityManager, venueCode: string, returnNo: string): Promise<CustomerReturn | undefined> {
    const [row] = await manager.query(
      `SELECT return_no AS "returnNo", receipt_no AS "receiptNo", line_no AS "lineNo", agreement_id AS "agreementId", quantity,
              resellable, amount, returned_at AS "returnedAt", period, lots
         FROM customer_return WHERE venue_code = $1 AND return_no = $2`,
      [venueCode, returnNo],
    );
    return row ? { ...row, status: 'accepted', amount: Number(row.amount), returnedAt: row.returnedAt.toISOString() } : undefined;
  }

  /** Units of a sale line already returned, by lot. */
  async returnedByLot(manager: EntityManager, venueCode: string, receiptNo: string, lineNo: number): Promise<Map<string, number>> {
    const rows = await manager.query(
      `SELECT lot->>'lotCode' AS lot_code, sum((lot->>'quantity')::int)::int AS quantity
         FROM customer_return, jsonb_array_elements(lots) AS lot
        WHERE venue_code = $1 AND receipt_no = $2 AND line_no = $3 GROUP BY 1`,
      [venueCode, receiptNo, lineNo],
    );
    return new Map(rows.map((r: { lot_code: string; quantity: number }) => [r.lot_code, r.quantity]));
  }

  async insertReturn(manager: EntityManager, venueCode: string, r: CustomerReturn, reason: string): Promise<void> {
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

  async insert(manager: EntityManager, lines: RecordedSaleLine[]): Promise<void> {
    if (lines.length === 0) return;
    await manager.query(
      `INSERT INTO sale_line (venue_code, receipt_no, line_no, agreement_id, product_id, quantity, unit_price, list_price, amount, sold_at, period, allocations, batch_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::uuid[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[],
                            $10::timestamptz[], $11::text[], $12::jsonb[], $13::uuid[])`,
      [
        lines.map((l) => l.venueCode),
        lines.map((l) => l.receiptNo),
        lines.map((l) => l.lineNo),
        lines.map((l) => l.agreementId),
        lines.map((l) => l.productId),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitPrice),
        lines.map((l) => l.listPrice),
        lines.map((l) => l.amount),
        lines.map((l) => l.soldAt),
        lines.map((l) => l.period),
        lines.map((l) => JSON.stringify(l.allocations)),
        lines.map((l) => l.batchId),
      ],
    );
  }
}

export function saleKey(line: { receiptNo: string; lineNo: number }): string {
  return `${line.receiptNo}#${line.lineNo}`;
}
