import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Actor, ReturnReason } from '@titipan/contracts';
import type { Agreement } from '../../agreement/domain/agreement';
import type { LotBalance } from '../../stock/domain/balance';

/** Why the system proposed a return: an exhibition ended, or a lot came within the near-expiry window. */
export type ProposalCause = 'EXHIBITION_END' | 'NEAR_EXPIRY';

export interface ProposedLine {
  productId: string;
  lotCode: string;
  bucket: 'SELLABLE' | 'QUARANTINE';
  quantity: number;
}

/** A return the system proposed for one agreement, which one party confirms in one action. */
export interface ProposedReturn {
  id: string;
  agreementId: string;
  uptCode: string;
  venueCode: string;
  venueKanwilCode: string;
  cause: ProposalCause;
  /** The exhibition's id, or `productId/lotCode` for a near-expiry lot: one proposal per agreement and cause. */
  causeKey: string;
  reason: ReturnReason;
  lines: ProposedLine[];
  status: 'PROPOSED' | 'CONFIRMED';
  proposedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** Everything on hand under an agreement goes back: one line per lot and bucket with units, in a fixed order. */
export function linesOnHand(balances: readonly Pick<LotBalance, 'productId' | 'lotCode' | 'bucket' | 'quantity'>[]): ProposedLine[] {
  return balances
    .filter((b) => b.quantity > 0)
    .map((b) => ({ productId: b.productId, lotCode: b.lotCode, bucket: b.bucket, quantity: b.quantity }))
    .sort((a, b) => a.productId.localeCompare(b.productId) || a.lotCode.localeCompare(b.lotCode) || a.bucket.localeCompare(b.bucket));
}

export type ConfirmRefusalCode = 'OUT_OF_SCOPE' | 'PROPOSAL_ALREADY_CONFIRMED';

export const CONFIRM_REFUSAL_KIND: Record<ConfirmRefusalCode, ErrorKind> = {
  OUT_OF_SCOPE: 'forbidden',
  PROPOSAL_ALREADY_CONFIRMED: 'conflict',
};

export interface ConfirmCandidate {
  actor: Pick<Actor, 'role' | 'scope'>;
  proposal: Pick<ProposedReturn, 'id' | 'cause' | 'status'>;
  agreement: Pick<Agreement, 'venueCode' | 'uptCode'>;
}

type ConfirmRule = Rule<ConfirmCandidate, ConfirmRefusalCode>;

/**
 * Who confirms: an exhibition's returns are the exhibition's staff's (the venue ships them); a near-expiry proposal
 * is the UPT's to confirm (the venue may too: it holds the goods). An admin may confirm either.
 */
export const mayConfirm: ConfirmRule = ({ actor, proposal, agreement }) => {
  const venue = actor.role === 'venue' && actor.scope === agreement.venueCode;
  const upt = actor.role === 'upt' && actor.scope === agreement.uptCode;
  const allowed = actor.role === 'admin' || venue || (proposal.cause === 'NEAR_EXPIRY' && upt);
  return allowed
    ? undefined
    : {
        code: 'OUT_OF_SCOPE',
        message: `${actor.role} of ${actor.scope} may not confirm ${proposal.cause === 'NEAR_EXPIRY' ? 'this near-expiry' : "this exhibition's"} return`,
        details: { role: actor.role, scope: actor.scope, cause: proposal.cause },
      };
};

export const notConfirmedYet: ConfirmRule = ({ proposal }) =>
  proposal.status === 'CONFIRMED'
    ? { code: 'PROPOSAL_ALREADY_CONFIRMED', message: `proposed return ${proposal.id} is already confirmed`, details: { id: proposal.id } }
    : undefined;

export const CONFIRM_RULES: readonly ConfirmRule[] = [mayConfirm, notConfirmedYet];

export function confirmRefusal(c: ConfirmCandidate): Refusal<ConfirmRefusalCode> | undefined {
  return firstRefusal(CONFIRM_RULES, c);
}
