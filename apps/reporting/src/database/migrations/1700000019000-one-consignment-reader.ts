import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One reader of consignment.events (decision 0027) replaces the groups `consignment-projections` and
 * `statement-source`. The new group starts from the beginning of the topic and its inbox absorbs what the old ones
 * applied: an event both applied is the new reader's already; an event only one applied (the old groups run apart, so
 * at the cut-over one may be ahead) is carried over with the part it had, and the new reader applies only the other
 * part of it. The old groups' inbox rows stay until the inbox's pruning removes them.
 */
export class OneConsignmentReader1700000019000 implements MigrationInterface {
  name = 'OneConsignmentReader1700000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reader_carry_over (
        event_id   uuid PRIMARY KEY,
        applied_by text NOT NULL CHECK (applied_by IN ('projections', 'statement-sources'))
      )`);
    await q.query(`
      INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
      SELECT 'consignment-reader', p.event_id, p.event_type, p.topic, p.kafka_partition, p.kafka_offset
        FROM inbox p JOIN inbox s ON s.consumer = 'statement-source' AND s.event_id = p.event_id
       WHERE p.consumer = 'consignment-projections'
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO reader_carry_over (event_id, applied_by)
      SELECT p.event_id, 'projections' FROM inbox p
       WHERE p.consumer = 'consignment-projections'
         AND NOT EXISTS (SELECT 1 FROM inbox s WHERE s.consumer = 'statement-source' AND s.event_id = p.event_id)
      UNION ALL
      SELECT s.event_id, 'statement-sources' FROM inbox s
       WHERE s.consumer = 'statement-source'
         AND NOT EXISTS (SELECT 1 FROM inbox p WHERE p.consumer = 'consignment-projections' AND p.event_id = s.event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM inbox WHERE consumer = 'consignment-reader'`);
    await q.query(`DROP TABLE reader_carry_over`);
  }
}
