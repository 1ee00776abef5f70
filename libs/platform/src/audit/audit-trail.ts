import type { EntityManager } from 'typeorm';
import { mergeChanges, type PendingAuditEntry } from './audit-entry';
import type { AuditScopeResolver, AuditStore } from './audit.store';

/** Writes a transaction's audit entries when its work is done: one per change, each with its entity's scope. */
export class AuditTrail {
  constructor(
    private readonly store: AuditStore,
    private readonly scopes: AuditScopeResolver,
  ) {}

  async record(manager: EntityManager, pending: readonly PendingAuditEntry[]): Promise<void> {
    const write = await this.prepare(manager, pending);
    if (write) await manager.query(`WITH ${write.cte} SELECT 1`, write.params);
  }

  /** Places the entries in their scopes (one read) and gives their insert as a CTE with its parameter as $1; none without entries. */
  async prepare(manager: EntityManager, pending: readonly PendingAuditEntry[]): Promise<{ cte: string; params: unknown[] } | undefined> {
    const entries = mergeChanges(pending);
    if (entries.length === 0) return undefined;
    const scopes = await this.scopes.scopesOf(manager, entries);
    return this.store.appendWrite(entries.map((entry, i) => ({ ...entry, scope: scopes[i] })));
  }
}
