import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Product names and categories from catalog.events, for statements, exports and rollups. */
export class ProductDim1700000008000 implements MigrationInterface {
  name = 'ProductDim1700000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_dim (
        product_id uuid PRIMARY KEY,
        upt_code   text NOT NULL,
        sku        text NOT NULL,
        name       text NOT NULL,
        category   text NOT NULL,
        unit       text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_dim`);
  }
}
