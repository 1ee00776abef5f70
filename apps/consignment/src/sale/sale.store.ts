import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AGREEMENT_SELECT, agreementOfRow, type AgreementRow } from '../agreement/agreement.store';
import type { Agreement } from '../agreement/domain/agreement';
import type { PricePoint } from '../agreement/domain/list-price';
import type { ReplicaProduct } from '../product-replica/domain/product';
import type { Movement } from '../stock/domain/movement';
import type { SellableLot } from '../stock/domain/fefo';
import { StockStore, type CompanionWrite } from '../stock/stock.store';
import { saleKey, type RecordedSaleLine } from './domain/sale-line';

/** A sale line row as read: bigint columns as strings, the time as a Date. */
type SaleLineRow = Omit<RecordedSaleLine, 'unitPrice' | 'listPrice' | 'amount' | 'soldAt'> & {
  unitPrice: string;
  listPrice: string;
  amount: string;
  soldAt: Date;
};

const SALE_LINE_COLUMNS = `s.venue_code AS "venueCode", s.receipt_no AS "receiptNo", s.line_no AS "lineNo", s.agreement_id AS "agreementId",
       s.product_id AS "productId", s.quantity, s.unit_price AS "unitPrice", s.list_price AS "listPrice", s.amount,
       s.discount_reason AS "discountReason", s.sold_at AS "soldAt", s.period, s.allocations, s.batch_id AS "batchId"`;

const recordedLine = (r: Omit<SaleLineRow, 'soldAt'> & { soldAt: Date | string }): RecordedSaleLine => ({
  ...r,
  unitPrice: Number(r.unitPrice),
  listPrice: Number(r.listPrice),
  amount: Number(r.amount),
  soldAt: new Date(r.soldAt).toISOString(),
});

/** What an upload's products are, and the venue's active agreements for them, locked. */
export interface SaleLocks {
  products: Map<string, ReplicaProduct>;
  /** locked in id order, each still active once locked */
  agreements: Agreement[];
}

/** What an upload's lines are judged on, read once the agreements are locked. */
export interface SaleFacts {
  /** lines already recorded under the upload's receipt numbers and lines, by saleKey */
  recorded: Map<string, RecordedSaleLine>;
  /** catalog prices by product, oldest first */
  priceHistories: Map<string, PricePoint[]>;
  /** sellable lots by `${agreementId}|${productId}` */
  lots: Map<string, SellableLot[]>;
  /** closed periods by agreement, among the ones asked for */
  closedPeriods: Map<string, string[]>;
}

/**
 * Accepted sale lines (sale_line) by the venue's receipt number and line: how a retried upload is recognised.
 * Also the sale's reads and write, each one statement: the lock, the facts read under it, and the lines with
 * their stock movements. The reads of other features' tables are read-only here; the ledger write is StockStore's.
 */
@Injectable()
export class SaleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: StockStore,
  ) {}

  /**
   * Reads the products and locks the venue's active agreements with their UPTs, in one statement. Locked in id
   * order, so two uploads touching the same agreements cannot deadlock; a row changed while waiting is read again
   * and must still be active (Postgres re-checks the condition on the newest version).
   */
  async lockForSale(manager: EntityManager, venueCode: string, productIds: string[]): Promise<SaleLocks> {
    const [row] = await manager.query<{ products: (ReplicaProduct & { approvedAt: string })[]; agreements: AgreementRow[] }[]>(
      `WITH product AS (
         SELECT p.product_id AS "productId", p.upt_code AS "uptCode", p.sku, p.name, p.category, p.unit, p.shelf_life_days AS "shelfLifeDays",
                p.consignable, p.status, p.approved_at AS "approvedAt",
                COALESCE((SELECT json_agg(json_build_object('from', s.suspended_at, 'until', s.reinstated_at) ORDER BY s.suspended_at)
                            FROM product_suspension s WHERE s.product_id = p.product_id), '[]') AS suspensions
           FROM product_replica p WHERE p.product_id = ANY($2::uuid[])),
       locked AS MATERIALIZED (
         ${AGREEMENT_SELECT}
          WHERE a.venue_code = $1 AND a.status = 'ACTIVE' AND a.upt_code IN (SELECT "uptCode" FROM product)
          ORDER BY a.id FOR UPDATE OF a)
       SELECT (SELECT COALESCE(json_agg(product), '[]') FROM product) AS products,
              (SELECT COALESCE(json_agg(locked ORDER BY locked.id), '[]') FROM locked) AS agreements`,
      [venueCode, productIds],
    );
    return {
      products: new Map(row.products.map((p) => [p.productId, { ...p, approvedAt: new Date(p.approvedAt).toISOString() }])),
      agreements: row.agreements.map(agreementOfRow),
    };
  }

  /** Everything else a sale is judged on, in one statement; read after the lock, so it sees the last sale of the agreements. */
  async factsUnderLock(
    manager: EntityManager,
    venueCode: string,
    keys: { receiptNo: string; lineNo: number }[],
    productIds: string[],
    agreementIds: string[],
    periods: string[],
  ): Promise<SaleFacts> {
    type FactsRow = {
      recorded: SaleLineRow[];
      prices: { productId: string; effectiveFrom: number; price: number }[];
      lots: { agreementId: string; productId: string; lotCode: string; expiryDate: string; quantity: number }[];
      closed: { agreementId: string; period: string }[];
    };
    const [row] = await manager.query<FactsRow[]>(
      `SELECT
         (SELECT COALESCE(json_agg(r), '[]') FROM (
            SELECT ${SALE_LINE_COLUMNS}
              FROM sale_line s JOIN unnest($2::text[], $3::int[]) AS k(receipt_no, line_no) USING (receipt_no, line_no)
             WHERE s.venue_code = $1) r) AS recorded,
         (SELECT COALESCE(json_agg(json_build_object('productId', product_id, 'price', price,
                                                     'effectiveFrom', floor(extract(epoch FROM effective_from) * 1000))
                                   ORDER BY product_id, effective_from), '[]')
            FROM product_price_replica WHERE product_id = ANY($4::uuid[])) AS prices,
         (SELECT COALESCE(json_agg(json_build_object('agreementId', agreement_id, 'productId', product_id, 'lotCode', lot_code,
                                                     'expiryDate', to_char(expiry_date, 'YYYY-MM-DD'), 'quantity', quantity)), '[]')
            FROM stock_balance
           WHERE agreement_id = ANY($5::uuid[]) AND product_id = ANY($4::uuid[]) AND bucket = 'SELLABLE' AND quantity > 0) AS lots,
         (SELECT COALESCE(json_agg(json_build_object('agreementId', agreement_id, 'period', period) ORDER BY period), '[]')
            FROM period_close WHERE agreement_id = ANY($5::uuid[]) AND period = ANY($6::text[])) AS closed`,
      [venueCode, keys.map((k) => k.receiptNo), keys.map((k) => k.lineNo), productIds, agreementIds, periods],
    );
    const facts: SaleFacts = {
      recorded: new Map(row.recorded.map((r) => [saleKey(r), recordedLine(r)])),
      priceHistories: new Map(),
      lots: new Map(),
      closedPeriods: new Map(),
    };
    const add = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
    for (const p of row.prices) add(facts.priceHistories, p.productId, { effectiveFrom: Number(p.effectiveFrom), price: Number(p.price) });
    for (const l of row.lots)
      add(facts.lots, `${l.agreementId}|${l.productId}`, { lotCode: l.lotCode, expiryDate: l.expiryDate, available: Number(l.quantity) });
    for (const c of row.closed) add(facts.closedPeriods, c.agreementId, c.period);
    return facts;
  }

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
      `SELECT ${SALE_LINE_COLUMNS}
         FROM sale_line s JOIN unnest($2::text[], $3::int[]) AS k(receipt_no, line_no) USING (receipt_no, line_no)
        WHERE s.venue_code = $1`,
      [venueCode, keys.map((k) => k.receiptNo), keys.map((k) => k.lineNo)],
    );
    return new Map(rows.map((r) => [saleKey(r), recordedLine(r)]));
  }

  /** The accepted lines and their stock movements, in one statement (the ledger refuses a balance going below zero). */
  async insert(manager: EntityManager, lines: RecordedSaleLine[], movements: Movement[]): Promise<void> {
    if (lines.length === 0) return;
    const write = saleLinesWrite(lines);
    // without movements (the bench's bare insert ceiling), the lines alone
    if (movements.length === 0) await manager.query(`WITH ${write.cte} SELECT 1`, write.params);
    else await this.ledger.record(manager, movements, write);
  }
}

/** The insert of sale lines as a data-modifying CTE, to go in one statement with their stock movements. */
function saleLinesWrite(lines: RecordedSaleLine[]): CompanionWrite {
  return {
    cte: `sale_lines AS (
      INSERT INTO sale_line (venue_code, receipt_no, line_no, agreement_id, product_id, quantity, unit_price, list_price, amount, sold_at, period,
                             allocations, batch_id, discount_reason)
      SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::uuid[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[],
                           $10::timestamptz[], $11::text[], $12::jsonb[], $13::uuid[], $14::text[]))`,
    params: [
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
  };
}
