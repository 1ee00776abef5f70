import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Which part of the reader an old consumer group already applied to an event (migration OneConsignmentReader). */
export type CarriedPart = 'projections' | 'statement-sources';

/** Events one of the two old readers of consignment.events applied and the other had not when they were merged. */
@Injectable()
export class CarryOverStore {
  async parts(manager: EntityManager, eventIds: string[]): Promise<Map<string, CarriedPart>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; applied_by: CarriedPart }[] = await manager.query(
      `SELECT event_id, applied_by FROM reader_carry_over WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.event_id, r.applied_by]));
  }

  /** A replay rebuilds both parts of every event, so nothing is carried over after its swap. */
  async clear(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM reader_carry_over`);
  }
}
