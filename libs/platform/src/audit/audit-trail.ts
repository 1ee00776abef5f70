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
    const entries = mergeChanges(pending);
    if (entries.length === 0) return;
    const scopes = await this.scopes.scopesOf(manager, entries);
    await this.store.append(
      manager,
      entries.map((entry, i) => ({ ...entry, scope: scopes[i] })),
    );
  }
}
