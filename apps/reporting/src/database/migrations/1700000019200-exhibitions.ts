import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a replay rebuilds and swaps in, as ReplayRebuildsStatementSources1700000019100 listed them. */
const REBUILT_BEFORE = [
  'stock_on_hand',
  'sales_daily',
  'monthly_product',
  'monthly_product_national',
  'event_log',
  'event_period',
  'agreement_dim',
  'venue_dim',
  'period_close_log',
] as const;

/**
 * The replay's owner-defined table functions over `tables`: each gets a fresh copy (event_period_rebuild its own
 * foreign key, as LIKE copies none) and the copies are swapped in together.
 */
function replayFunctions(tables: readonly string[]): string[] {
  const creates = tables.map((t) => `CREATE TABLE ${t}_rebuild (LIKE ${t} INCLUDING ALL);`);
  const fk = 'ALTER TABLE event_period_rebuild ADD FOREIGN KEY (event_id) REFERENCES event_log_rebuild (event_id);';
  const renames = tables.map((t) => `ALTER TABLE ${t}_rebuild RENAME TO ${t};`);
  return [
    `CREATE OR REPLACE FUNCTION replay_prepare_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
     BEGIN
       DROP TABLE IF EXISTS ${tables.map((t) => `${t}_rebuild`).join(', ')}, replay_applied;
       ${creates.join('\n       ')}
       ${fk}
       CREATE TABLE replay_applied (LIKE inbox INCLUDING ALL);
     END $$`,
    `CREATE OR REPLACE FUNCTION replay_swap_in_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = reporting, pg_temp AS $$
     BEGIN
       DROP TABLE ${tables.join(', ')};
       ${renames.join('\n       ')}
       DROP TABLE replay_applied;
     END $$`,
  ];
}

/**
 * Exhibitions (issue 19, decision 0029): an agreement may settle one event period instead of months, so the
 * agreement dimension keeps its event's days (null for a monthly agreement); the exhibition dimension, from
 * consignment.exhibition.created, links an event's agreements and the editions of one series for the report. A
 * replay rebuilds the exhibition dimension beside the others (every table of 1700000019100 and exhibition_dim).
 */
export class Exhibitions1700000019200 implements MigrationInterface {
  name = 'Exhibitions1700000019200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement_dim ADD COLUMN event_first date, ADD COLUMN event_last date`);
    await q.query(`ALTER TABLE agreement_dim ADD CONSTRAINT agreement_dim_event_days CHECK ((event_first IS NULL) = (event_last IS NULL))`);
    await q.query(`
      CREATE TABLE exhibition_dim (
        exhibition_id   uuid PRIMARY KEY,
        venue_code      text NOT NULL UNIQUE,
        name            text NOT NULL,
        series          text NOT NULL,
        edition         text NOT NULL,
        organiser_code  text NOT NULL,
        location        text NOT NULL,
        time_zone       text NOT NULL,
        first_day       date NOT NULL,
        last_day        date NOT NULL,
        return_window_days int NOT NULL,
        upt_codes       text[] NOT NULL,
        agreement_ids   uuid[] NOT NULL
      )`);
    await q.query(`CREATE INDEX exhibition_dim_series ON exhibition_dim (series, first_day)`);
    for (const sql of replayFunctions([...REBUILT_BEFORE, 'exhibition_dim'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of replayFunctions(REBUILT_BEFORE)) await q.query(sql);
    await q.query(`DROP TABLE exhibition_dim`);
    await q.query(`ALTER TABLE agreement_dim DROP CONSTRAINT agreement_dim_event_days, DROP COLUMN event_first, DROP COLUMN event_last`);
  }
}
