import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and certificate scans of products (decision 0019): their metadata always here; their bytes here too
 * (product_attachment_content) unless catalog is set to keep them in an S3-compatible store.
 */
export class ProductAttachments1700000016100 implements MigrationInterface {
  name = 'ProductAttachments1700000016100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_attachment (
        id           uuid PRIMARY KEY,
        product_id   uuid NOT NULL REFERENCES product (id),
        kind         text NOT NULL CHECK (kind IN ('photo', 'certificate')),
        certificate  text CHECK (certificate IN ('PIRT', 'BPOM_MD', 'HALAL')),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        filename     text NOT NULL,
        size         integer NOT NULL CHECK (size > 0),
        sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage      text NOT NULL CHECK (storage IN ('postgres', 's3')),
        storage_key  text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   text NOT NULL
      )`);
    await q.query(`CREATE INDEX product_attachment_product ON product_attachment (product_id, created_at)`);
    // the same file uploaded again for the same purpose (a retried request) is the attachment already kept
    await q.query(
      `CREATE UNIQUE INDEX product_attachment_same_file ON product_attachment (product_id, kind, COALESCE(certificate, ''), sha256)`,
    );
    await q.query(`
      CREATE TABLE product_attachment_content (
        storage_key text PRIMARY KEY,
        bytes       bytea NOT NULL
      )`);
    // photos and PDFs are compressed already: kept out of line without a futile compression attempt
    await q.query(`ALTER TABLE product_attachment_content ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_attachment_content`);
    await q.query(`DROP TABLE product_attachment`);
  }
}
