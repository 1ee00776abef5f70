import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rollups and the PNBP views sum each statement's proceeds, PNBP and premi. Read out of `figures` (jsonb) they
 * cost a detoast and a walk of the split per statement, the largest part of a national rollup (issue 18). Stored
 * generated columns hold them from the moment a statement is written (so at issue), and adding them fills every
 * existing row. The split's shares are summed by name, as the reports did.
 */
export class StatementMoneyColumns1700000018100 implements MigrationInterface {
  name = 'StatementMoneyColumns1700000018100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION statement_share(figures jsonb, share text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN jsonb_typeof(figures->'split') = 'array'
                    THEN (SELECT sum((x->>'amount')::bigint)::bigint FROM jsonb_array_elements(figures->'split') x WHERE x->>'name' = share) END
      $$`);
    await q.query(`
      ALTER TABLE statement
        ADD COLUMN proceeds bigint GENERATED ALWAYS AS ((figures->>'proceeds')::bigint) STORED,
        ADD COLUMN pnbp bigint GENERATED ALWAYS AS (statement_share(figures, 'PNBP')) STORED,
        ADD COLUMN premi bigint GENERATED ALWAYS AS (statement_share(figures, 'PREMI')) STORED`);
    // a month's statements with what the reports sum, read from the index alone once vacuum has passed
    await q.query(`CREATE INDEX statement_period_money ON statement (period) INCLUDE (agreement_id, status, proceeds, pnbp, premi)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX statement_period_money`);
    await q.query(`ALTER TABLE statement DROP COLUMN proceeds, DROP COLUMN pnbp, DROP COLUMN premi`);
    await q.query(`DROP FUNCTION statement_share(jsonb, text)`);
  }
}
