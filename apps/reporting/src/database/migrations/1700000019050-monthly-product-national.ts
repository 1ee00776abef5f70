import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national product rollup (decision 0028): `monthly_product` summed over agreements, per month and product, kept
 * by the projection in the same transaction as `monthly_product`; the replay rebuilds it with the other read models
 * (its table functions, migration 1700000019100). A month's
 * national rollup by product reads its 7,500 rows instead of summing the month's 36,000 agreement rows.
 */
export const FILL_MONTHLY_PRODUCT_NATIONAL = `
  INSERT INTO monthly_product_national (period, product_id, received, sold, gross_sales, returns_value)
  SELECT period, product_id, sum(received), sum(sold), sum(gross_sales), sum(returns_value) FROM monthly_product GROUP BY 1, 2
  ON CONFLICT (period, product_id) DO UPDATE SET received = EXCLUDED.received, sold = EXCLUDED.sold,
    gross_sales = EXCLUDED.gross_sales, returns_value = EXCLUDED.returns_value`;

export class MonthlyProductNational1700000019050 implements MigrationInterface {
  name = 'MonthlyProductNational1700000019050';

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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monthly_product_national`);
  }
}
