import type { Actor, ShrinkageLiability } from '@titipan/contracts';
import { DomainError } from '@titipan/kernel';

/** What reporting knows of an agreement (from consignment's events), with the Kanwils of its venue and UPT. */
export interface AgreementDim {
  agreementId: string;
  uptCode: string;
  venueCode: string;
  commissionBp: number;
  /** Who bears units a stock count finds missing (VENUE for agreements announced before the term existed). */
  shrinkageLiability: ShrinkageLiability;
  timeZone: string;
  venueKanwilCode?: string | null;
  uptKanwilCode?: string | null;
}

/** The parties of an agreement, as a reader's scope is checked against them. */
export type AgreementParties = Pick<AgreementDim, 'uptCode' | 'venueCode' | 'venueKanwilCode' | 'uptKanwilCode'>;

/**
 * Whether an actor reads an agreement's documents: a venue its own, a UPT its own, a Kanwil those whose venue
 * or UPT is in it, a national role all.
 */
export function readsAgreement(actor: Actor, a: AgreementParties): boolean {
  switch (actor.role) {
    case 'venue':
      return actor.scope === a.venueCode;
    case 'upt':
      return actor.scope === a.uptCode;
    case 'kanwil':
    case 'curator':
      return actor.scope === a.venueKanwilCode || actor.scope === a.uptKanwilCode;
    default:
      return true;
  }
}

/**
 * Refuses (403 OUT_OF_SCOPE) a scoped reader naming an agreement that is not one of its own: another party's,
 * or one reporting does not know, alike. National roles may name any agreement.
 */
export function assertReadsAgreement(actor: Actor, agreementId: string, parties: AgreementParties | undefined): void {
  const national = actor.role !== 'venue' && actor.role !== 'upt' && actor.role !== 'kanwil' && actor.role !== 'curator';
  if (national || (parties && readsAgreement(actor, parties))) return;
  throw new DomainError('forbidden', 'OUT_OF_SCOPE', `${actor.role} of ${actor.scope} may not read agreement ${agreementId}`, {
    role: actor.role,
    scope: actor.scope,
  });
}
