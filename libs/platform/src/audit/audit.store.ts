import type { EntityManager } from 'typeorm';
import { NATIONAL_SCOPE, type AuditScope, type AuditSubject, type PendingAuditEntry } from './audit-entry';

/** An entry with the scope of its entity, as it is written. */
export interface AuditRow extends PendingAuditEntry {
  scope: AuditScope;
}

/**
 * The organisations each entry's entity belongs to, read in the writing transaction. Each service has its
 * own (it knows its tables and its read rule for Kanwil); an entity it cannot place is national only.
 */
export interface AuditScopeResolver {
  scopesOf(manager: EntityManager, subjects: readonly AuditSubject[]): Promise<AuditScope[]>;
}

/** A lone UTF-16 surrogate: Node writes it to a text column as U+FFFD, but jsonb refuses its JSON escape. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** JSON that Postgres' jsonb accepts: lone surrogates become U+FFFD, as they do in the text columns beside it. */
export function jsonForPostgres(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v));
}

/** The only code that writes the audit_entry table (in the service's own schema, via search_path). */
export class AuditStore {
  /** Appends entries inside the caller's transaction: they exist exactly when the change does. */
  async append(manager: EntityManager, rows: readonly AuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    const write = this.appendWrite(rows);
    await manager.query(`WITH ${write.cte} SELECT 1`, write.params);
  }

  /** The same append as a data-modifying CTE with its parameter as $1, to go in one statement with the outbox rows. */
  appendWrite(rows: readonly AuditRow[]): { cte: string; params: unknown[] } {
    return {
      cte: `audit_entries AS (
        INSERT INTO audit_entry (at, actor_id, actor_role, actor_scope, actor_username, correlation_id, causation_id, action, entity, entity_id,
                                 event_id, before, after, venue_code, upt_code, kanwil_codes)
        SELECT r.at, r.actor_id, r.actor_role, r.actor_scope, r.actor_username, r.correlation_id, r.causation_id, r.action, r.entity, r.entity_id,
               r.event_id, r.before, r.after, r.venue_code, r.upt_code, ARRAY(SELECT jsonb_array_elements_text(r.kanwil_codes))
          FROM jsonb_to_recordset($1::jsonb) AS r(at timestamptz, actor_id text, actor_role text, actor_scope text, actor_username text, correlation_id text,
               causation_id uuid, action text, entity text, entity_id text, event_id uuid, before jsonb, after jsonb, venue_code text,
               upt_code text, kanwil_codes jsonb))`,
      params: [
        jsonForPostgres(
          rows.map((r) => ({
            at: r.at.toISOString(),
            actor_id: r.actor.id,
            actor_role: r.actor.role,
            actor_scope: r.actor.scope,
            actor_username: r.actor.username ?? null,
            correlation_id: r.correlationId,
            causation_id: r.causationId,
            action: r.action,
            entity: r.entity,
            entity_id: r.entityId,
            event_id: r.eventId,
            before: r.before,
            after: r.after,
            venue_code: r.scope.venueCode,
            upt_code: r.scope.uptCode,
            kanwil_codes: r.scope.kanwilCodes,
          })),
        ),
      ],
    };
  }
}

/** Places the scope keys of one kind (agreement ids, venue codes, …) in their organisations, all at once. */
export type ScopeLookup = (keys: string[]) => Promise<Map<string, AuditScope>>;

/**
 * A resolver's common part: each subject's scope key is placed by the lookup `kindOf` names for it, every
 * lookup called once with all its keys. A subject without a key, or one its lookup cannot place, is national only.
 */
export async function placeByKind<K extends string>(
  subjects: readonly AuditSubject[],
  kindOf: (subject: AuditSubject) => K,
  lookups: Record<K, ScopeLookup>,
): Promise<AuditScope[]> {
  const keysByKind = new Map<K, Set<string>>();
  for (const subject of subjects) {
    if (subject.scopeKey === null) continue;
    const kind = kindOf(subject);
    keysByKind.set(kind, (keysByKind.get(kind) ?? new Set()).add(subject.scopeKey));
  }
  const placed = new Map<K, Map<string, AuditScope>>();
  for (const [kind, keys] of keysByKind) placed.set(kind, await lookups[kind]([...keys]));
  return subjects.map((s) => (s.scopeKey === null ? undefined : placed.get(kindOf(s))?.get(s.scopeKey)) ?? NATIONAL_SCOPE);
}

/** Resolves nothing: every entry is national only. For a UnitOfWork outside a service, which knows no organisations (platform tests). */
export const NATIONAL_AUDIT_SCOPES: AuditScopeResolver = {
  scopesOf: async (_manager, subjects) => subjects.map(() => NATIONAL_SCOPE),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The keys that can be uuid column values (others cannot name a row there). */
export const uuidKeys = (keys: string[]): string[] => keys.filter((k) => UUID.test(k));
