import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replay rebuilds the statement sources too (decision 0027), and the national product rollup (decision 0028): the source events by period, the agreement and venue
 * dimensions and the recorded closes get fresh copies beside the read models' and are swapped in with them. Issued
 * statements are records and are not rebuilt. Same owner-defined functions as ReplayTableFunctions1700000010200;
 * LIKE copies no foreign key, so the rebuilt event_period gets its own (it follows the table through the rename).
 */
export class ReplayRebuildsStatementSources1700000019100 implements MigrationInterface {
  name = 'ReplayRebuildsStatementSources1700000019100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION replay_prepare_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE IF EXISTS stock_on_hand_rebuild, sales_daily_rebuild, monthly_product_rebuild, monthly_product_national_rebuild, replay_applied,
          event_period_rebuild, event_log_rebuild, agreement_dim_rebuild, venue_dim_rebuild, period_close_log_rebuild;
        CREATE TABLE stock_on_hand_rebuild (LIKE stock_on_hand INCLUDING ALL);
        CREATE TABLE sales_daily_rebuild (LIKE sales_daily INCLUDING ALL);
        CREATE TABLE monthly_product_rebuild (LIKE monthly_product INCLUDING ALL);
        CREATE TABLE monthly_product_national_rebuild (LIKE monthly_product_national INCLUDING ALL);
        CREATE TABLE event_log_rebuild (LIKE event_log INCLUDING ALL);
        CREATE TABLE event_period_rebuild (LIKE event_period INCLUDING ALL);
        ALTER TABLE event_period_rebuild ADD FOREIGN KEY (event_id) REFERENCES event_log_rebuild (event_id);
        CREATE TABLE agreement_dim_rebuild (LIKE agreement_dim INCLUDING ALL);
        CREATE TABLE venue_dim_rebuild (LIKE venue_dim INCLUDING ALL);
        CREATE TABLE period_close_log_rebuild (LIKE period_close_log INCLUDING ALL);
        CREATE TABLE replay_applied (LIKE inbox INCLUDING ALL);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION replay_swap_in_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE stock_on_hand, sales_daily, monthly_product, monthly_product_national, event_period, event_log, agreement_dim, venue_dim, period_close_log;
        ALTER TABLE stock_on_hand_rebuild RENAME TO stock_on_hand;
        ALTER TABLE sales_daily_rebuild RENAME TO sales_daily;
        ALTER TABLE monthly_product_rebuild RENAME TO monthly_product;
        ALTER TABLE monthly_product_national_rebuild RENAME TO monthly_product_national;
        ALTER TABLE event_log_rebuild RENAME TO event_log;
        ALTER TABLE event_period_rebuild RENAME TO event_period;
        ALTER TABLE agreement_dim_rebuild RENAME TO agreement_dim;
        ALTER TABLE venue_dim_rebuild RENAME TO venue_dim;
        ALTER TABLE period_close_log_rebuild RENAME TO period_close_log;
        DROP TABLE replay_applied;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION replay_prepare_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE IF EXISTS stock_on_hand_rebuild, sales_daily_rebuild, monthly_product_rebuild, replay_applied;
        CREATE TABLE stock_on_hand_rebuild (LIKE stock_on_hand INCLUDING ALL);
        CREATE TABLE sales_daily_rebuild (LIKE sales_daily INCLUDING ALL);
        CREATE TABLE monthly_product_rebuild (LIKE monthly_product INCLUDING ALL);
        CREATE TABLE replay_applied (LIKE inbox INCLUDING ALL);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION replay_swap_in_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
      BEGIN
        DROP TABLE stock_on_hand, sales_daily, monthly_product;
        ALTER TABLE stock_on_hand_rebuild RENAME TO stock_on_hand;
        ALTER TABLE sales_daily_rebuild RENAME TO sales_daily;
        ALTER TABLE monthly_product_rebuild RENAME TO monthly_product;
        DROP TABLE replay_applied;
      END $$`);
  }
}
