import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replay (decision 0008) builds the read models in fresh tables and swaps them in. The service's runtime role
 * may not create, drop or rename tables (decision 0011), so the schema's owner defines these two steps as
 * SECURITY DEFINER functions: the runtime role can run exactly them and no other DDL. The table names are the ones
 * apps/reporting/src/projection/replay.store.ts uses; search_path is pinned so no temporary table can stand in.
 */
export class ReplayTableFunctions1700000010200 implements MigrationInterface {
  name = 'ReplayTableFunctions1700000010200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION replay_prepare_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE IF EXISTS stock_on_hand_rebuild, sales_daily_rebuild, monthly_product_rebuild, replay_applied;
        CREATE TABLE stock_on_hand_rebuild (LIKE stock_on_hand INCLUDING ALL);
        CREATE TABLE sales_daily_rebuild (LIKE sales_daily INCLUDING ALL);
        CREATE TABLE monthly_product_rebuild (LIKE monthly_product INCLUDING ALL);
        CREATE TABLE replay_applied (LIKE inbox INCLUDING ALL);
      END $$`);
    await q.query(`
      CREATE FUNCTION replay_swap_in_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE stock_on_hand, sales_daily, monthly_product;
        ALTER TABLE stock_on_hand_rebuild RENAME TO stock_on_hand;
        ALTER TABLE sales_daily_rebuild RENAME TO sales_daily;
        ALTER TABLE monthly_product_rebuild RENAME TO monthly_product;
        DROP TABLE replay_applied;
      END $$`);
    // only the service's runtime role (through the schema's default privileges) may call them
    for (const fn of ['replay_prepare_tables()', 'replay_swap_in_tables()']) await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION replay_swap_in_tables()`);
    await q.query(`DROP FUNCTION replay_prepare_tables()`);
  }
}
