import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProjectionTables } from './projection.store';

/** Where a replay builds the read models; the names the owner's functions (migration ReplayTableFunctions) create and swap in. */
export const REBUILD_TABLES: ProjectionTables = {
  stock: 'stock_on_hand_rebuild',
  daily: 'sales_daily_rebuild',
  monthly: 'monthly_product_rebuild',
};
/** The replay's own inbox: the events the rebuilt tables hold, handed to the inbox at the swap. */
export const REPLAY_INBOX = 'replay_applied';

/**
 * The replay's table changes. The runtime role may not create, drop or rename tables, so each step is a function
 * the schema's owner defined (SECURITY DEFINER) and the runtime role may only call.
 */
@Injectable()
export class ReplayStore {
  /** Empty copies of the three read models and of the inbox, replacing any a failed replay left. */
  async prepareTables(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT replay_prepare_tables()`);
  }

  /** Puts the rebuilt tables in place of the live ones and drops the replay's inbox, in the caller's transaction. */
  async swapIn(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT replay_swap_in_tables()`);
  }
}
