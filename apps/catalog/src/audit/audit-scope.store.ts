import { Injectable } from '@nestjs/common';
import { placeByKind, uuidKeys, type AuditScope, type AuditScopeResolver, type AuditSubject } from '@titipan/platform';
import type { EntityManager } from 'typeorm';

/**
 * Where catalog's audited entities belong: a Kanwil to itself, a UPT to itself and its Kanwil, a product
 * (keyed by its id, as are its attachments) to its UPT and the UPT's Kanwil, whose curators act on it.
 */
@Injectable()
export class AuditScopeStore implements AuditScopeResolver {
  scopesOf(manager: EntityManager, subjects: readonly AuditSubject[]): Promise<AuditScope[]> {
    const kindOf = (s: AuditSubject) => (s.entity === 'kanwil' || s.entity === 'upt' ? s.entity : 'product');
    return placeByKind(subjects, kindOf, {
      kanwil: async (codes) => new Map(codes.map((code) => [code, { venueCode: null, uptCode: null, kanwilCodes: [code] }])),
      upt: async (codes) => {
        const rows: { code: string; kanwil_code: string }[] = await manager.query(
          `SELECT code, kanwil_code FROM upt WHERE code = ANY ($1)`,
          [codes],
        );
        return new Map(rows.map((r) => [r.code, { venueCode: null, uptCode: r.code, kanwilCodes: [r.kanwil_code] }]));
      },
      product: async (ids) => {
        const rows: { id: string; upt_code: string; kanwil_code: string }[] = await manager.query(
          `SELECT p.id, p.upt_code, u.kanwil_code FROM product p JOIN upt u ON u.code = p.upt_code WHERE p.id = ANY ($1::uuid[])`,
          [uuidKeys(ids)],
        );
        return new Map(rows.map((r) => [r.id, { venueCode: null, uptCode: r.upt_code, kanwilCodes: [r.kanwil_code] }]));
      },
    });
  }
}
