import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Agreement, AgreementStatus } from './agreement';

/** Every reason an agreement is not created or does not change. */
export type AgreementRefusalCode =
  'VALIDITY_REVERSED' | 'VENUE_UNKNOWN' | 'UPT_UNKNOWN' | 'ILLEGAL_TRANSITION' | 'AGREEMENT_EXISTS' | 'AGREEMENT_TERMINATED';

export const AGREEMENT_REFUSAL_KIND: Record<AgreementRefusalCode, ErrorKind> = {
  VALIDITY_REVERSED: 'validation',
  VENUE_UNKNOWN: 'rule',
  UPT_UNKNOWN: 'rule',
  ILLEGAL_TRANSITION: 'conflict',
  AGREEMENT_EXISTS: 'conflict',
  AGREEMENT_TERMINATED: 'conflict',
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

export const notTerminated: Rule<Pick<Agreement, 'status'>, AgreementRefusalCode> = ({ status }) =>
  status === 'TERMINATED'
    ? { code: 'AGREEMENT_TERMINATED', message: 'a terminated agreement does not change', details: { current: status } }
    : undefined;

/** The rules of a change of the agreement's prices, in order. */
export const PRICE_CHANGE_RULES: readonly Rule<Pick<Agreement, 'status'>, AgreementRefusalCode>[] = [notTerminated];

export function priceChangeRefusal(agreement: Pick<Agreement, 'status'>): Refusal<AgreementRefusalCode> | undefined {
  return firstRefusal(PRICE_CHANGE_RULES, agreement);
}
