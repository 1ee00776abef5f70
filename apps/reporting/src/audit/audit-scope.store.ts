import { Injectable } from '@nestjs/common';
import { placeByKind, uuidKeys, type AuditScope, type AuditScopeResolver, type AuditSubject } from '@titipan/platform';
import type { EntityManager } from 'typeorm';

/** Entities of reporting keyed by a UPT code: a UPT's split policy and its PNBP targets. */
const OF_UPT = new Set(['split-policy', 'pnbp-target']);

/**
 * Where reporting's audited entities belong. Split policies and PNBP targets (keyed by their UPT code; a
 * national policy has no key) to the UPT and its Kanwil; everything else is keyed by its agreement and
 * belongs to its venue and UPT and to the Kanwil of either, as reporting's reads do.
 */
@Injectable()
export class AuditScopeStore implements AuditScopeResolver {
  scopesOf(manager: EntityManager, subjects: readonly AuditSubject[]): Promise<AuditScope[]> {
    return placeByKind(subjects, (s) => (OF_UPT.has(s.entity) ? 'upt' : 'agreement'), {
      upt: async (codes) => {
        const rows: { code: string; kanwil_code: string }[] = await manager.query(
          `SELECT code, kanwil_code FROM upt_replica WHERE code = ANY ($1)`,
          [codes],
        );
        const kanwilOf = new Map(rows.map((r) => [r.code, r.kanwil_code]));
        // a UPT the replica does not know yet still owns its entries
        return new Map(
          codes.map((code) => [code, { venueCode: null, uptCode: code, kanwilCodes: kanwilOf.has(code) ? [kanwilOf.get(code)!] : [] }]),
        );
      },
      agreement: async (ids) => {
        const rows: { id: string; venue_code: string; upt_code: string; kanwil_codes: string[] }[] = await manager.query(
          `SELECT a.agreement_id AS id, a.venue_code, a.upt_code,
                  array_remove(ARRAY(SELECT DISTINCT k FROM unnest(ARRAY[v.kanwil_code, u.kanwil_code]) AS k), NULL) AS kanwil_codes
             FROM agreement_dim a
             LEFT JOIN venue_dim v ON v.code = a.venue_code
             LEFT JOIN upt_replica u ON u.code = a.upt_code
            WHERE a.agreement_id = ANY ($1::uuid[])`,
          [uuidKeys(ids)],
        );
        return new Map(rows.map((r) => [r.id, { venueCode: r.venue_code, uptCode: r.upt_code, kanwilCodes: r.kanwil_codes }]));
      },
    });
  }
}
