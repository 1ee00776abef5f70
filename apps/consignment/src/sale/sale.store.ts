import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { saleKey, type RecordedSaleLine } from './domain/sale-line';

/** A sale line row as read: bigint columns as strings, the time as a Date. */
type SaleLineRow = Omit<RecordedSaleLine, 'unitPrice' | 'listPrice' | 'amount' | 'soldAt'> & {
  unitPrice: string;
  listPrice: string;
  amount: string;
  soldAt: Date;
};

/** Accepted sale lines (sale_line) by the venue's receipt number and line: how a retried upload is recognised. */
@Injectable()
export class SaleStore {
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
    const rows = await manager.query<SaleLineRow[]>(
      `SELECT s.venue_code AS "venueCode", s.receipt_no AS "receiptNo", s.line_no AS "lineNo", s.agreement_id AS "agreementId",
              s.product_id AS "productId", s.quantity, s.unit_price AS "unitPrice", s.list_price AS "listPrice", s.amount,
              s.discount_reason AS "discountReason", s.sold_at AS "soldAt", s.period, s.allocations, s.batch_id AS "batchId"
         FROM sale_line s JOIN unnest($2::text[], $3::int[]) AS k(receipt_no, line_no) USING (receipt_no, line_no)
        WHERE s.venue_code = $1`,
      [venueCode, keys.map((k) => k.receiptNo), keys.map((k) => k.lineNo)],
    );
    return new Map(
      rows.map((r) => [
        saleKey(r),
        { ...r, unitPrice: Number(r.unitPrice), listPrice: Number(r.listPrice), amount: Number(r.amount), soldAt: r.soldAt.toISOString() },
      ]),
    );
  }

  async insert(manager: EntityManager, lines: RecordedSaleLine[]): Promise<void> {
    if (lines.length === 0) return;
    await manager.query(
      `INSERT INTO sale_line (venue_code, receipt_no, line_no, agreement_id, product_id, quantity, unit_price, list_price, amount, sold_at, period,
                             allocations, batch_id, discount_reason)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::uuid[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[],
                            $10::timestamptz[], $11::text[], $12::jsonb[], $13::uuid[], $14::text[])`,
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
        lines.map((l) => l.discountReason),
      ],
    );
  }
}
