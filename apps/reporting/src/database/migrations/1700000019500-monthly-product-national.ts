import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national product rollup (decision 0031): `monthly_product` summed over agreements, per month and product, kept
 * by the projection in the same transaction as `monthly_product` and rebuilt with it by the replay. A month's
 * national rollup by product reads its 7,500 rows instead of summing the month's 36,000 agreement rows.
 */
export const FILL_MONTHLY_PRODUCT_NATIONAL = `
  INSERT INTO monthly_product_national (period, product_id, received, sold, gross_sales, returns_value)
  SELECT period, product_id, sum(received), sum(sold), sum(gross_sales), sum(returns_value) FROM monthly_product GROUP BY 1, 2
  ON CONFLICT (period, product_id) DO UPDATE SET received = EXCLUDED.received, sold = EXCLUDED.sold,
    gross_sales = EXCLUDED.gross_sales, returns_value = EXCLUDED.returns_value`;

const TABLES = ['stock_on_hand', 'sales_daily', 'monthly_product', 'monthly_product_national'];

/** The replay's two table steps (migration ReplayTableFunctions) over `tables`. */
const replayFunctions = (tables: string[]) => [
  `CREATE OR REPLACE FUNCTION replay_prepare_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
   BEGIN
     DROP TABLE IF EXISTS ${tables.map((t) => `${t}_rebuild`).join(', ')}, replay_applied;
     ${tables.map((t) => `CREATE TABLE ${t}_rebuild (LIKE ${t} INCLUDING ALL);`).join('\n     ')}
     CREATE TABLE replay_applied (LIKE inbox INCLUDING ALL);
   END $$`,
  `CREATE OR REPLACE FUNCTION replay_swap_in_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
   BEGIN
     DROP TABLE ${tables.join(', ')};
     ${tables.map((t) => `ALTER TABLE ${t}_rebuild RENAME TO ${t};`).join('\n     ')}
     DROP TABLE replay_applied;
   END $$`,
];

export class MonthlyProductNational1700000019500 implements MigrationInterface {
  name = 'MonthlyProductNational1700000019500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monthly_product_national (
        period        text NOT NULL,
        product_id    uuid NOT NULL,
        received      bigint NOT NULL DEFAULT 0,
        sold          bigint NOT NULL DEFAULT 0,
        gross_sales   bigint NOT NULL DEFAULT 0,
        returns_value bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (period, product_id)
      )`);
    await q.query(FILL_MONTHLY_PRODUCT_NATIONAL);
    for (const sql of replayFunctions(TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of replayFunctions(TABLES.filter((t) => t !== 'monthly_product_national'))) await q.query(sql);
    await q.query(`DROP TABLE monthly_product_national`);
  }
}
