import { Injectable } from '@nestjs/common';
import { placeByKind, uuidKeys, type AuditScope, type AuditScopeResolver, type AuditSubject } from '@titipan/platform';
import type { EntityManager } from 'typeorm';

/**
 * Where consignment's audited entities belong. A venue to itself and its Kanwil; everything else is keyed by
 * its agreement (events by their partition key), and belongs to the agreement's venue and UPT and to the
 * Kanwil of the venue, as consignment's reads do (docs/architecture.md, "Roles and scopes").
 */
@Injectable()
export class AuditScopeStore implements AuditScopeResolver {
  scopesOf(manager: EntityManager, subjects: readonly AuditSubject[]): Promise<AuditScope[]> {
    return placeByKind(subjects, (s) => (s.entity === 'venue' ? 'venue' : 'agreement'), {
      venue: async (codes) => {
        const rows: { code: string; kanwil_code: string }[] = await manager.query(
          `SELECT code, kanwil_code FROM venue WHERE code = ANY ($1)`,
          [codes],
        );
        return new Map(rows.map((r) => [r.code, { venueCode: r.code, uptCode: null, kanwilCodes: [r.kanwil_code] }]));
      },
      agreement: async (ids) => {
        const rows: { id: string; venue_code: string; upt_code: string; kanwil_code: string }[] = await manager.query(
          `SELECT a.id, a.venue_code, a.upt_code, v.kanwil_code FROM agreement a JOIN venue v ON v.code = a.venue_code
            WHERE a.id = ANY ($1::uuid[])`,
          [uuidKeys(ids)],
        );
        return new Map(rows.map((r) => [r.id, { venueCode: r.venue_code, uptCode: r.upt_code, kanwilCodes: [r.kanwil_code] }]));
      },
    });
  }
}
