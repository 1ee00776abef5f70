import type { DataSource, EntityManager } from 'typeorm';
import type { AttachmentStorage } from './attachment-storage';

/** The default store: a bytea table in catalog's own schema, so a fresh clone needs nothing more than Postgres. */
export class PostgresAttachmentStorage implements AttachmentStorage {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async put(manager: EntityManager, key: string, bytes: Buffer): Promise<void> {
    await manager.query(`INSERT INTO product_attachment_content (storage_key, bytes) VALUES ($1, $2)`, [key, bytes]);
  }

  async read(key: string): Promise<Buffer | undefined> {
    const [row] = await this.dataSource.query<{ bytes: Buffer }[]>(`SELECT bytes FROM product_attachment_content WHERE storage_key = $1`, [
      key,
    ]);
    return row?.bytes;
  }

  async remove(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM product_attachment_content WHERE storage_key = $1`, [key]);
  }
}
