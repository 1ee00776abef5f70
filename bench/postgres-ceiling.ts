import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type RecordedSaleLine } from '../apps/consignment/src/sale/domain/sale-line';
import { SaleStore } from '../apps/consignment/src/sale/sale.store';
import { StockStore } from '../apps/consignment/src/stock/stock.store';

export interface InsertCeiling {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  connections: number;
  rowsPerCommit: number;
}

const ROWS_PER_COMMIT = 200;

/**
 * This machine's ceiling for the sale-line write: rows of the sale_line shape (same table, indexes and
 * bulk statement, durable commits) inserted as fast as Postgres takes them, `connections` at a time,
 * with none of the work a real sale does around it (validation, locks, stock ledger, outbox).
 */
export async function measurePostgresInserts(consignment: DataSource, connections: number, seconds: number): Promise<InsertCeiling> {
  const repository = new SaleStore(consignment, new StockStore());
  const agreementId = uuidv7();
  const productId = uuidv7();
  let rows = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async (w: number) => {
    for (let commit = 0; performance.now() < until; commit++) {
      const batchId = uuidv7();
      const soldAt = new Date().toISOString();
      const lines: RecordedSaleLine[] = Array.from({ length: ROWS_PER_COMMIT }, (_, k) => ({
        venueCode: 'IMI-TGR-LOUNGE',
        receiptNo: `CEIL-${w}-${commit}/${Math.floor(k / 4)}`,
        lineNo: (k % 4) + 1,
        agreementId,
        productId,
        quantity: 1 + (k % 2),
        unitPrice: 10_000,
        listPrice: 10_000,
        amount: 10_000 * (1 + (k % 2)),
        discountReason: null,
        soldAt,
        period: soldAt.slice(0, 7),
        allocations: [{ lotCode: 'KRP-TEMPE-100-BENCH', expiryDate: '2027-02-23', quantity: 1 + (k % 2) }],
        batchId,
      }));
      await consignment.transaction((m) => repository.insert(m, lines, []));
      rows += lines.length;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  return {
    rows,
    seconds: Math.round(elapsed * 100) / 100,
    rowsPerSecond: Math.round(rows / elapsed),
    connections,
    rowsPerCommit: ROWS_PER_COMMIT,
  };
}
