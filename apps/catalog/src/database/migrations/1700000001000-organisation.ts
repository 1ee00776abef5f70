import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1700000001000 implements MigrationInterface {
  name = 'Organisation1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kanwil (
        code       text PRIMARY KEY,
        name       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE upt (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        type        text NOT NULL CHECK (type IN ('LAPAS', 'RUTAN', 'LPKA', 'LPP', 'BAPAS')),
        class       text NOT NULL CHECK (class IN ('I', 'IIA', 'IIB', 'III')),
        kanwil_code text NOT NULL REFERENCES kanwil (code),
        satker_code text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  text NOT NULL
      )`);
    await q.query(`CREATE INDEX upt_kanwil ON upt (kanwil_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE upt`);
    await q.query(`DROP TABLE kanwil`);
  }
}
