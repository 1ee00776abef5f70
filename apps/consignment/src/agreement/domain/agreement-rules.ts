import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import { isWithinValidity, type Agreement, type AgreementPrice, type AgreementStatus } from './agreement';

/** Every reason an agreement is not created or does not change. */
export type AgreementRefusalCode =
  | 'VALIDITY_REVERSED'
  | 'VENUE_UNKNOWN'
  | 'UPT_UNKNOWN'
  | 'ILLEGAL_TRANSITION'
  | 'AGREEMENT_EXISTS'
  | 'AGREEMENT_TERMINATED'
  | 'DUPLICATE_LINE'
  | 'PRICE_OUTSIDE_VALIDITY'
  | 'PRICE_ALREADY_SET';

export const AGREEMENT_REFUSAL_KIND: Record<AgreementRefusalCode, ErrorKind> = {
  VALIDITY_REVERSED: 'validation',
  VENUE_UNKNOWN: 'rule',
  UPT_UNKNOWN: 'rule',
  ILLEGAL_TRANSITION: 'conflict',
  AGREEMENT_EXISTS: 'conflict',
  AGREEMENT_TERMINATED: 'conflict',
  DUPLICATE_LINE: 'validation',
  PRICE_OUTSIDE_VALIDITY: 'rule',
  PRICE_ALREADY_SET: 'conflict',
};

/** A new agreement, with whether its venue and UPT are known. */
export interface AgreementDraft {
  uptCode: string;
  venueCode: string;
  validFrom: string;
  validTo?: string;
  venueKnown: boolean;
  uptKnown: boolean;
}

type CreationRule = Rule<AgreementDraft, AgreementRefusalCode>;

export const validityInOrder: CreationRule = ({ validFrom, validTo }) =>
  validTo && validTo < validFrom
    ? { code: 'VALIDITY_REVERSED', message: 'validTo is before validFrom', details: { field: 'validTo' } }
    : undefined;

export const venueKnown: CreationRule = ({ venueCode, venueKnown }) =>
  venueKnown ? undefined : { code: 'VENUE_UNKNOWN', message: `venue ${venueCode} is not registered`, details: { field: 'venueCode' } };

export const uptKnown: CreationRule = ({ uptCode, uptKnown }) =>
  uptKnown
    ? undefined
    : { code: 'UPT_UNKNOWN', message: `UPT ${uptCode} is not known (from catalog.events)`, details: { field: 'uptCode' } };

/** The rules of a new agreement, in order. */
export const CREATION_RULES: readonly CreationRule[] = [validityInOrder, venueKnown, uptKnown];

export function creationRefusal(draft: AgreementDraft): Refusal<AgreementRefusalCode> | undefined {
  return firstRefusal(CREATION_RULES, draft);
}

/** An agreement asked to move on from the status it must be in (DRAFT to activate, ACTIVE to terminate). */
export interface AgreementTransition {
  agreement: Pick<Agreement, 'status'>;
  from: AgreementStatus;
}

export const inStatusToLeave: Rule<AgreementTransition, AgreementRefusalCode> = ({ agreement, from }) =>
  agreement.status === from
    ? undefined
    : {
        code: 'ILLEGAL_TRANSITION',
        message: `the agreement is ${agreement.status}, not ${from}`,
        details: { current: agreement.status, expected: from },
      };

/** The rules of a status change, in order. */
export const TRANSITION_RULES: readonly Rule<AgreementTransition, AgreementRefusalCode>[] = [inStatusToLeave];

export function transitionRefusal(transition: AgreementTransition): Refusal<AgreementRefusalCode> | undefined {
  return firstRefusal(TRANSITION_RULES, transition);
}

/** An agreement being activated, with whether its UPT already has another active agreement at the venue. */
export interface AgreementActivation {
  agreement: Pick<Agreement, 'uptCode' | 'venueCode'>;
  otherActive: boolean;
}

export const onlyActiveAtVenue: Rule<AgreementActivation, AgreementRefusalCode> = ({ agreement, otherActive }) =>
  otherActive
    ? {
        code: 'AGREEMENT_EXISTS',
        message: `${agreement.uptCode} already has an active agreement at ${agreement.venueCode}`,
        details: { uptCode: agreement.uptCode, venueCode: agreement.venueCode },
      }
    : undefined;

/** The rules of an activation, in order. */
export const ACTIVATION_RULES: readonly Rule<AgreementActivation, AgreementRefusalCode>[] = [onlyActiveAtVenue];

export function activationRefusal(activation: AgreementActivation): Refusal<AgreementRefusalCode> | undefined {
  return firstRefusal(ACTIVATION_RULES, activation);
}

/**
 * New prices for an agreement, each effective from a venue-calendar day (already defaulted), against the
 * agreement and the history it has: a change adds rows, it never rewrites one.
 */
export interface PriceChange {
  agreement: Pick<Agreement, 'status' | 'validFrom' | 'validTo' | 'priceHistory'>;
  prices: readonly AgreementPrice[];
}

type PriceChangeRule = Rule<PriceChange, AgreementRefusalCode>;

export const notTerminated: PriceChangeRule = ({ agreement: { status } }) =>
  status === 'TERMINATED'
    ? { code: 'AGREEMENT_TERMINATED', message: 'a terminated agreement does not change', details: { current: status } }
    : undefined;

/** A product gets one price per day in one request. */
export const oncePerProductAndDay: PriceChangeRule = ({ prices }) => {
  const seen = new Set<string>();
  for (const [i, p] of prices.entries()) {
    const key = `${p.productId}|${p.effectiveFrom}`;
    if (seen.has(key))
      return {
        code: 'DUPLICATE_LINE',
        message: `price ${i + 1} repeats the product and day of an earlier one`,
        details: { line: i + 1, productId: p.productId, effectiveFrom: p.effectiveFrom },
      };
    seen.add(key);
  }
  return undefined;
};

/** A price takes effect on a day the agreement is valid. */
export const withinValidity: PriceChangeRule = ({ agreement, prices }) => {
  const outside = prices.find((p) => !isWithinValidity(agreement, p.effectiveFrom));
  return outside
    ? {
        code: 'PRICE_OUTSIDE_VALIDITY',
        message: `a price from ${outside.effectiveFrom} lies outside the agreement's validity, ${agreement.validFrom} to ${agreement.validTo ?? 'open'}`,
        details: {
          productId: outside.productId,
          effectiveFrom: outside.effectiveFrom,
          validFrom: agreement.validFrom,
          validTo: agreement.validTo,
        },
      }
    : undefined;
};

/** History is not rewritten: a day that already has another price for the product keeps it (the same price again is a retry). */
export const notRewritingHistory: PriceChangeRule = ({ agreement, prices }) => {
  for (const p of prices) {
    const held = agreement.priceHistory.find((h) => h.productId === p.productId && h.effectiveFrom === p.effectiveFrom);
    if (held && held.price !== p.price)
      return {
        code: 'PRICE_ALREADY_SET',
        message: `product ${p.productId} already has the price ${held.price} from ${p.effectiveFrom}; set a new price from another day`,
        details: { productId: p.productId, effectiveFrom: p.effectiveFrom, price: held.price, requested: p.price },
      };
  }
  return undefined;
};

/** The rules of a change of the agreement's prices, in order. */
export const PRICE_CHANGE_RULES: readonly PriceChangeRule[] = [notTerminated, oncePerProductAndDay, withinValidity, notRewritingHistory];

export function priceChangeRefusal(change: PriceChange): Refusal<AgreementRefusalCode> | undefined {
  return firstRefusal(PRICE_CHANGE_RULES, change);
}
