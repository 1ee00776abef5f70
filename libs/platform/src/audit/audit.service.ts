import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DomainError } from '@titipan/kernel';
import { readScope, scopedFilter } from '../auth/read-scope';
import type { Page } from '../http/page';
import type { AuditQueryDto, AuditSearchQueryDto } from './audit.dto';
import type { AuditRecord } from './audit-entry';
import { AuditQueries, type AuditCursorPage } from './audit.queries';

/** A time range's ends as instants; refused when `to` is not after `from` (400 RANGE_REVERSED). */
function timeRange(query: { from?: string; to?: string }): { from?: Date; to?: Date } {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && to <= from) throw new DomainError('validation', 'RANGE_REVERSED', 'to is not after from', { field: 'to' });
  return { from, to };
}

/** The audit trail of this service, read within the caller's scope. */
@Injectable()
export class AuditService {
  constructor(private readonly queries: AuditQueries) {}

  /**
   * Entries newest first. A filter naming an organisation outside the caller's scope, or an entity whose
   * entries all lie outside it, is refused (403 OUT_OF_SCOPE) rather than answered with an empty page.
   */
  async list(query: AuditQueryDto, actor: Actor): Promise<Page<AuditRecord>> {
    const { from, to } = timeRange(query);
    const scope = scopedFilter(actor, { venueCode: query.venue, uptCode: query.upt, kanwilCode: query.kanwil });
    if (query.id !== undefined) {
      const { total, visible } = await this.queries.visibility(query.entity, query.id, readScope(actor));
      if (total > 0 && visible === 0) {
        throw new DomainError(
          'forbidden',
          'OUT_OF_SCOPE',
          `${actor.role} of ${actor.scope} may not read the entries of ${query.entity ?? 'entity'} ${query.id}`,
          {
            role: actor.role,
            scope: actor.scope,
          },
        );
      }
    }
    return this.queries.list({ ...scope, entity: query.entity, entityId: query.id, actorId: query.actor, from, to }, query);
  }

  /** The admins' search over the whole trail (GET /audit-entries): every filter together, newest first, by cursor. */
  search(query: AuditSearchQueryDto): Promise<AuditCursorPage> {
    const { from, to } = timeRange(query);
    return this.queries.search(
      { from, to, actor: query.actor, action: query.action, subject: query.subject, words: query.q, before: query.cursor },
      query.limit,
    );
  }
}
