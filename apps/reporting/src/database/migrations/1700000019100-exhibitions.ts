import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exhibitions (issue 19): an agreement may settle one event period instead of months, so the agreement dimension
 * keeps its event's days (null for a monthly agreement); the exhibition dimension, from
 * consignment.exhibition.created, links an event's agreements and the editions of one series for the report.
 */
export class Exhibitions1700000019100 implements MigrationInterface {
  name = 'Exhibitions1700000019100';

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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exhibition_dim`);
    await q.query(`ALTER TABLE agreement_dim DROP CONSTRAINT agreement_dim_event_days, DROP COLUMN event_first, DROP COLUMN event_last`);
  }
}
