import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DataSource } from 'typeorm';
import type { ReadScope } from '../auth/read-scope';
import type { Page } from '../http/page';
import type { AuditRecord } from './audit-entry';
import { AUDIT_SEARCH_DOCUMENT, auditSearchQuery } from './audit-search';

export interface AuditFilter extends ReadScope {
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** What GET /audit-entries searches by, all together. */
export interface AuditSearch {
  from?: Date;
  to?: Date;
  /** The token's subject or the username. */
  actor?: string;
  action?: string;
  /** The entity's id. */
  subject?: string;
  /** Words to find in the entry's text. */
  words?: string;
  /** Entries below this position (the previous page's last). */
  before?: string;
}

/** An audit page read newest first, a cursor at a time. */
export interface AuditCursorPage {
  items: AuditRecord[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

interface AuditEntryRow {
  position: string;
  at: Date;
  actor_id: string;
  actor_role: Actor['role'];
  actor_scope: string | null;
  actor_username: string | null;
  correlation_id: string;
  causation_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  event_id: string | null;
  before: object | null;
  after: object | null;
  venue_code: string | null;
  upt_code: string | null;
  kanwil_codes: string[];
}

/** The conditions of a filter on audit_entry, joined by AND (`true` for none); values go into `params`. */
function conditionsOf(filter: AuditFilter, params: unknown[]): string {
  const conditions: string[] = [];
  const add = (value: unknown, condition: (placeholder: string) => string) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  add(filter.venueCode, (p) => `venue_code = ${p}`);
  add(filter.uptCode, (p) => `upt_code = ${p}`);
  add(filter.kanwilCode, (p) => `${p} = ANY (kanwil_codes)`);
  add(filter.entity, (p) => `entity = ${p}`);
  add(filter.entityId, (p) => `entity_id = ${p}`);
  add(filter.actorId, (p) => `actor_id = ${p}`);
  add(filter.from, (p) => `at >= ${p}`);
  add(filter.to, (p) => `at < ${p}`);
  return conditions.length ? conditions.join(' AND ') : 'true';
}

/** Read-side SQL of the audit trail. */
@Injectable()
export class AuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Entries matching the filter, newest first. */
  async list(filter: AuditFilter, page: { limit: number; offset: number }): Promise<Page<AuditRecord>> {
    const params: unknown[] = [];
    const where = conditionsOf(filter, params);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_entry WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<AuditEntryRow[]>(
      `SELECT * FROM audit_entry WHERE ${where} ORDER BY position DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(recordOf), total, limit: page.limit, offset: page.offset };
  }

  /** Entries matching every filter of the search, newest first, `limit` of them below the cursor. */
  async search(search: AuditSearch, limit: number): Promise<AuditCursorPage> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    const add = (value: unknown, condition: (placeholder: string) => string) => {
      if (value === undefined) return;
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    add(search.from, (p) => `at >= ${p}`);
    add(search.to, (p) => `at < ${p}`);
    add(search.actor, (p) => `(actor_id = ${p} OR actor_username = ${p})`);
    add(search.action, (p) => `action = ${p}`);
    add(search.subject, (p) => `entity_id = ${p}`);
    add(search.words, (p) => `${AUDIT_SEARCH_DOCUMENT} @@ ${auditSearchQuery(p)}`);
    add(search.before, (p) => `position < ${p}::bigint`);
    // one more than the page shows: whether there is a next page
    const rows = await this.dataSource.query<AuditEntryRow[]>(
      `SELECT * FROM audit_entry WHERE ${conditions.length ? conditions.join(' AND ') : 'true'} ORDER BY position DESC LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { items: page.map(recordOf), nextCursor: rows.length > limit ? page[page.length - 1].position : null };
  }

  /** How many entries an entity has, and how many of them a scope may read. */
  async visibility(entity: string | undefined, entityId: string, scope: ReadScope): Promise<{ total: number; visible: number }> {
    const params: unknown[] = [];
    const ofEntity = conditionsOf({ entity, entityId }, params);
    const inScope = conditionsOf(scope, params);
    const [counts] = await this.dataSource.query<{ total: number; visible: number }[]>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${inScope}))::int AS visible FROM audit_entry WHERE ${ofEntity}`,
      params,
    );
    return counts;
  }
}

function recordOf(r: AuditEntryRow): AuditRecord {
  return {
    position: r.position,
    at: r.at.toISOString(),
    actor: { id: r.actor_id, role: r.actor_role, scope: r.actor_scope, ...(r.actor_username ? { username: r.actor_username } : {}) },
    correlationId: r.correlation_id,
    causationId: r.causation_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    eventId: r.event_id,
    before: r.before,
    after: r.after,
    scope: { venueCode: r.venue_code, uptCode: r.upt_code, kanwilCodes: r.kanwil_codes },
  };
}
