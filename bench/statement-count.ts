import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where bench/query-counter.js, loaded into consignment, writes its tally. */
export const QUERY_COUNTER = join(__dirname, 'query-counter.js');

interface Tally {
  saleTransactions: number;
  statements: number;
  allStatements: number;
}

export interface StatementsPerSale {
  /** transactions that wrote sale lines during the phase (one per single sale) */
  saleTransactions: number;
  /** SQL statements per such transaction, BEGIN and COMMIT included */
  perSale: number;
  /** every statement consignment sent during the phase (relay and consumers too), per sale transaction */
  allPerSale: number;
}

const read = (file: string): Tally =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Tally) : { saleTransactions: 0, statements: 0, allStatements: 0 };

/** Starts counting; the returned function waits for the counter's next write and gives the statements per sale since then. */
export function startStatementCount(file: string): () => Promise<StatementsPerSale> {
  const before = read(file);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 500)); // the counter writes every 200 ms
    const after = read(file);
    const saleTransactions = after.saleTransactions - before.saleTransactions;
    const per = (n: number) => (saleTransactions ? Math.round((10 * n) / saleTransactions) / 10 : 0);
    return {
      saleTransactions,
      perSale: per(after.statements - before.statements),
      allPerSale: per(after.allStatements - before.allStatements),
    };
  };
}
