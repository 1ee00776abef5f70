import { isDeepStrictEqual } from 'node:util';
import type { Actor, EventEnvelope } from '@titipan/contracts';

/**
 * The organisations an audited entity belongs to, so readers see only the entries of their scope: a venue
 * its venue's, a UPT its own, a Kanwil those its service lets it read (`kanwilCodes`), national roles all.
 */
export interface AuditScope {
  venueCode: string | null;
  uptCode: string | null;
  /** The Kanwil whose readers may see the entity, by the service's own read rule. */
  kanwilCodes: string[];
}

/** How entities are named (`sales-batch`, `split-policy`): what `GET /audit?entity=` accepts. */
export const AUDIT_ENTITY_PATTERN = /^[a-z][a-z-]{0,39}$/;

/** Readable by national roles only: an entity that belongs to no organisation (a national split policy). */
export const NATIONAL_SCOPE: AuditScope = Object.freeze({ venueCode: null, uptCode: null, kanwilCodes: [] });

/**
 * A change a use case describes itself (`tx.audit(...)`): a write without an event, or the before and
 * after of a change in place. When the same transaction publishes an event about the same entity, the
 * before and after join that event's entry instead of making a second one.
 */
export interface AuditChange {
  entity: string;
  id: string;
  /** What happened, named like an event type: `<service>.<entity>.<past tense>`, e.g. `catalog.product.updated`. */
  action: string;
  /** The changed fields as they were, for a change in place. */
  before?: object;
  /** The changed fields as they are now, or the new record. */
  after?: object;
  /**
   * What decides the entry's scope (read by the service's AuditScopeResolver), like an event's partition key:
   * the agreement id in consignment and reporting, the entity itself by default. Null: national only.
   */
  scopeKey?: string | null;
}

/** Who acted, and in which request or event handling. */
export interface Acting {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

/** An entry recorded in a transaction, written when the transaction's work is done. */
export interface PendingAuditEntry extends Acting {
  at: Date;
  action: string;
  entity: string;
  entityId: string;
  scopeKey: string | null;
  /** The event that announced the change, when there is one. */
  eventId: string | null;
  before: object | null;
  after: object | null;
}

/** What a scope resolver needs to know of an entry. */
export type AuditSubject = Pick<PendingAuditEntry, 'entity' | 'entityId' | 'scopeKey'>;

/** The entry of a published event: its type is the action, its subject the entity id, its partition key the scope key. */
export function eventEntry(envelope: EventEnvelope, entity: string, at: Date): PendingAuditEntry {
  return {
    at,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    action: envelope.type,
    entity,
    entityId: envelope.subject,
    scopeKey: envelope.partitionKey,
    eventId: envelope.id,
    before: null,
    after: null,
  };
}

export function changeEntry(change: AuditChange, acting: Acting, at: Date): PendingAuditEntry {
  return {
    at,
    ...acting,
    action: change.action,
    entity: change.entity,
    entityId: change.id,
    scopeKey: change.scopeKey === undefined ? change.id : change.scopeKey,
    eventId: null,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

/**
 * One entry per change: a described change about the entity of an event of the same transaction joins that
 * event's entry (giving it its before and after) instead of making a second one; each event takes at most
 * one. Other entries stay as they are, in order.
 */
export function mergeChanges(entries: readonly PendingAuditEntry[]): PendingAuditEntry[] {
  const merged = entries.map((entry) => ({ ...entry }));
  const joined = new Set<PendingAuditEntry>();
  const absorbed = new Set<PendingAuditEntry>();
  for (const change of merged.filter((entry) => entry.eventId === null)) {
    const event = merged.find((e) => e.eventId !== null && !joined.has(e) && e.entity === change.entity && e.entityId === change.entityId);
    if (!event) continue;
    event.before = change.before;
    event.after = change.after;
    joined.add(event);
    absorbed.add(change);
  }
  return merged.filter((entry) => !absorbed.has(entry));
}

/** A value as it is stored (request bodies are class instances; JSON has no prototypes). */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * The fields a partial update changes, as they were and as they become; fields it leaves out or sets to
 * what they already were are not listed. Undefined when it changes nothing.
 */
export function changedFields<T extends object>(current: T, update: Partial<T>): { before: Partial<T>; after: Partial<T> } | undefined {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(update) as (keyof T)[]) {
    if (update[key] === undefined || isDeepStrictEqual(asJson(update[key]), asJson(current[key]))) continue;
    before[key] = asJson(current[key]) as T[keyof T];
    after[key] = asJson(update[key]) as T[keyof T];
  }
  return Object.keys(after).length > 0 ? { before, after } : undefined;
}

/** One entry of the audit trail as the API answers it. */
export interface AuditRecord {
  position: string;
  at: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  eventId: string | null;
  before: object | null;
  after: object | null;
  scope: AuditScope;
}
