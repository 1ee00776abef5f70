import type { DataSource } from 'typeorm';

/** The pruning SQL of the outbox and the inbox (both in the service's own schema, via search_path). */
export class HousekeepingStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Deletes at most `limit` outbox rows sent before `sentBefore` (oldest first); returns how many. Unsent rows are never touched. */
  async deleteSentOutbox(sentBefore: Date, limit: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM outbox WHERE position = ANY(ARRAY(
         SELECT position FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1 ORDER BY sent_at LIMIT $2))`,
      [sentBefore, limit],
    );
    return count;
  }

  /** Deletes at most `limit` inbox rows of `topic` received before `receivedBefore`; returns how many. */
  async deleteInbox(topic: string, receivedBefore: Date, limit: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM inbox WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM inbox WHERE topic = $1 AND received_at < $2 ORDER BY received_at LIMIT $3))`,
      [topic, receivedBefore, limit],
    );
    return count;
  }

  /** The topics the inbox holds rows of (a loose index scan: one probe per topic, not a table scan). */
  async inboxTopics(): Promise<string[]> {
    const rows: { topic: string }[] = await this.dataSource.query(
      `WITH RECURSIVE t AS (
         (SELECT topic FROM inbox ORDER BY topic LIMIT 1)
         UNION ALL
         SELECT (SELECT topic FROM inbox WHERE topic > t.topic ORDER BY topic LIMIT 1) FROM t WHERE t.topic IS NOT NULL)
       SELECT topic FROM t WHERE topic IS NOT NULL`,
    );
    return rows.map((r) => r.topic);
  }
}
