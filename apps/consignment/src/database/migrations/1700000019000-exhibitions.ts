import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exhibitions (decision 0029): an agreement may settle per event period (its first and last day and a return
 * window) instead of per month; the exhibition that made a venue and its agreements in one action; and returns
 * the system proposes (at an exhibition's end, or for near-expiry lots) for the venue or the UPT to confirm.
 */
export class Exhibitions1700000019000 implements MigrationInterface {
  name = 'Exhibitions1700000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exhibition (
        id                 uuid PRIMARY KEY,
        venue_code         text NOT NULL UNIQUE REFERENCES venue (code),
        name               text NOT NULL,
        series             text NOT NULL,
        edition            text NOT NULL,
        organiser_code     text NOT NULL,
        location           text NOT NULL,
        first_day          date NOT NULL,
        last_day           date NOT NULL CHECK (last_day >= first_day),
        return_window_days int NOT NULL CHECK (return_window_days BETWEEN 0 AND 90),
        upt_codes          text[] NOT NULL,
        -- the request as accepted: a retry with the same body answers the same exhibition, another body 409
        request            jsonb NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        created_by         text NOT NULL
      )`);
    await q.query(`CREATE INDEX exhibition_organiser ON exhibition (organiser_code, first_day)`);
    await q.query(`CREATE INDEX exhibition_series ON exhibition (series, first_day)`);

    await q.query(`ALTER TABLE agreement DROP CONSTRAINT agreement_settlement_cycle_check`);
    await q.query(`
      ALTER TABLE agreement
        ADD COLUMN event_first_day date,
        ADD COLUMN event_last_day date,
        ADD COLUMN return_window_days int,
        ADD COLUMN exhibition_id uuid REFERENCES exhibition (id),
        ADD CONSTRAINT agreement_settlement_cycle CHECK (
          (settlement_cycle = 'MONTHLY' AND event_first_day IS NULL AND event_last_day IS NULL AND return_window_days IS NULL)
          OR (settlement_cycle = 'EVENT' AND event_first_day IS NOT NULL AND event_last_day >= event_first_day
              AND return_window_days BETWEEN 0 AND 90))`);
    await q.query(`CREATE INDEX agreement_exhibition ON agreement (exhibition_id) WHERE exhibition_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE proposed_return (
        id            uuid PRIMARY KEY,
        agreement_id  uuid NOT NULL REFERENCES agreement (id),
        cause         text NOT NULL CHECK (cause IN ('EXHIBITION_END', 'NEAR_EXPIRY')),
        -- what proposed it: the exhibition's id, or the near-expiry lot (product/lot): one proposal per cause
        cause_key     text NOT NULL,
        reason        text NOT NULL,
        lines         jsonb NOT NULL,
        status        text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'CONFIRMED')),
        proposed_at   timestamptz NOT NULL DEFAULT now(),
        confirmed_at  timestamptz,
        confirmed_by  text,
        UNIQUE (agreement_id, cause, cause_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposed_return`);
    await q.query(`DROP INDEX agreement_exhibition`);
    await q.query(`
      ALTER TABLE agreement DROP CONSTRAINT agreement_settlement_cycle,
        DROP COLUMN exhibition_id, DROP COLUMN return_window_days, DROP COLUMN event_last_day, DROP COLUMN event_first_day`);
    await q.query(`ALTER TABLE agreement ADD CONSTRAINT agreement_settlement_cycle_check CHECK (settlement_cycle = 'MONTHLY')`);
    await q.query(`DROP TABLE exhibition`);
  }
}
