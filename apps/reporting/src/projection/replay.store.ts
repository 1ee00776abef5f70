import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReplayJobRecord } from './domain/replay-job';
import type { SourceTables } from '../statement/source-events.store';
import type { ProjectionTables } from './projection.store';

/** Where a replay builds the read models; the names the owner's functions (migration ReplayTableFunctions) create and swap in. */
export const REBUILD_TABLES: ProjectionTables = {
  stock: 'stock_on_hand_rebuild',
  daily: 'sales_daily_rebuild',
  monthly: 'monthly_product_rebuild',
  monthlyNational: 'monthly_product_national_rebuild',
};
/** Where a replay builds the statement sources (migrations ReplayRebuildsStatementSources and Exhibitions create and swap them in). */
export const REBUILD_SOURCE_TABLES: SourceTables = {
  events: 'event_log_rebuild',
  periods: 'event_period_rebuild',
  agreements: 'agreement_dim_rebuild',
  venues: 'venue_dim_rebuild',
  closes: 'period_close_log_rebuild',
  exhibitions: 'exhibition_dim_rebuild',
};
/** The replay's own inbox: the events the rebuilt tables hold, handed to the inbox at the swap. */
export const REPLAY_INBOX = 'replay_applied';
/**
 * The advisory lock a running replay holds on its own connection (pg_try_advisory_lock(int, int)): one replay at a
 * time across every instance sharing the database, released by Postgres when that connection ends, however it ends.
 */
export const REPLAY_LOCK = { classId: 18, objId: 1 } as const;

const JOB = `SELECT id, state, started_by AS "startedBy", events::float8 AS events, applied::float8 AS applied,
                    events_total::float8 AS "eventsTotal", error, started_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt"
               FROM replay_job`;

/** Postgres' code for a unique index refusing a row. */
const UNIQUE_VIOLATION = '23505';

/**
 * The replay's table changes and its job record. The runtime role may not create, drop or rename tables, so each
 * table step is a function the schema's owner defined (SECURITY DEFINER) and the runtime role may only call.
 */
@Injectable()
export class ReplayStore {
  /** Empty copies of the read models, the statement sources and the inbox, replacing any a failed or interrupted replay left. */
  async prepareTables(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT replay_prepare_tables()`);
  }

  /** Puts the rebuilt tables in place of the live ones and drops the replay's inbox, in the caller's transaction. */
  async swapIn(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT replay_swap_in_tables()`);
  }

  /** Takes the replay lock on the caller's connection (which must stay open while the replay runs); false if another holds it. */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [
      REPLAY_LOCK.classId,
      REPLAY_LOCK.objId,
    ]);
    return locked;
  }

  async unlock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_unlock($1, $2)`, [REPLAY_LOCK.classId, REPLAY_LOCK.objId]);
  }

  /** Whether any connection to this database holds the replay lock. */
  async lockHeld(manager: EntityManager): Promise<boolean> {
    const [{ held }]: { held: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted) AS held`,
      [REPLAY_LOCK.classId, REPLAY_LOCK.objId],
    );
    return held;
  }

  /** Marks running jobs interrupted: called only by whoever holds the lock (or sees nobody does), so no replay runs them. */
  async markInterrupted(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE replay_job SET state = 'interrupted', error = 'the process running it stopped', finished_at = now(), updated_at = now()
        WHERE state = 'running'`,
    );
  }

  /** Records a new running job; false if one is already running (the partial unique index refuses a second). */
  async insertRunning(manager: EntityManager, id: string, startedBy: string): Promise<boolean> {
    try {
      await manager.query(`INSERT INTO replay_job (id, state, started_by) VALUES ($1, 'running', $2)`, [id, startedBy]);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  async progress(manager: EntityManager, id: string, p: { events: number; applied: number; eventsTotal: number | null }): Promise<void> {
    await manager.query(
      `UPDATE replay_job SET events = $2, applied = $3, events_total = COALESCE($4, events_total), updated_at = now() WHERE id = $1 AND state = 'running'`,
      [id, p.events, p.applied, p.eventsTotal],
    );
  }

  async finish(manager: EntityManager, id: string, state: 'finished' | 'failed', error: string | null = null): Promise<void> {
    await manager.query(
      `UPDATE replay_job SET state = $2, error = $3, finished_at = now(), updated_at = now() WHERE id = $1 AND state = 'running'`,
      [id, state, error],
    );
  }

  async find(manager: EntityManager, id: string): Promise<ReplayJobRecord | undefined> {
    const [row]: ReplayJobRecord[] = await manager.query(`${JOB} WHERE id = $1`, [id]);
    return row;
  }

  async running(manager: EntityManager): Promise<ReplayJobRecord | undefined> {
    const [row]: ReplayJobRecord[] = await manager.query(`${JOB} WHERE state = 'running'`);
    return row;
  }
}
