import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Replica of catalog's Kanwil and UPT master data, kept by services that need it (own schema). */
export class DirectoryTables1700000000100 implements MigrationInterface {
  name = 'DirectoryTables1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kanwil_replica (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        last_event_id uuid NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    // no foreign key to kanwil_replica: Kanwil and UPT events travel on different partitions
    await q.query(`
      CREATE TABLE upt_replica (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        type          text NOT NULL,
        class         text NOT NULL,
        kanwil_code   text NOT NULL,
        satker_code   text NOT NULL,
        last_event_id uuid NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX upt_replica_kanwil ON upt_replica (kanwil_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE upt_replica`);
    await q.query(`DROP TABLE kanwil_replica`);
  }
}
