import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Upt } from './organisation';

/** Every reason a UPT registration is refused. */
export type UptRegistrationRefusalCode = 'KANWIL_UNKNOWN' | 'UPT_EXISTS' | 'SATKER_CODE_TAKEN';
export type UptRegistrationRefusal = Refusal<UptRegistrationRefusalCode>;

/** How a UPT registration's refusal is answered: a broken rule (422) or a clash with a registered UPT (409). */
export const UPT_REGISTRATION_REFUSAL_KIND: Record<UptRegistrationRefusalCode, ErrorKind> = {
  KANWIL_UNKNOWN: 'rule',
  UPT_EXISTS: 'conflict',
  SATKER_CODE_TAKEN: 'conflict',
};

export interface UptRegistration {
  upt: Pick<Upt, 'code' | 'kanwilCode' | 'satkerCode'>;
  kanwilRegistered: boolean;
  /** Registered UPTs that share the new UPT's code or satker code. */
  clashes: Pick<Upt, 'code' | 'satkerCode'>[];
}

type UptRegistrationRule = Rule<UptRegistration, UptRegistrationRefusalCode>;

const kanwilRegistered: UptRegistrationRule = ({ upt, kanwilRegistered }) =>
  kanwilRegistered
    ? undefined
    : { code: 'KANWIL_UNKNOWN', message: `Kanwil ${upt.kanwilCode} is not registered`, details: { field: 'kanwilCode' } };

const uptCodeFree: UptRegistrationRule = ({ upt, clashes }) =>
  clashes.some((c) => c.code === upt.code)
    ? { code: 'UPT_EXISTS', message: `UPT ${upt.code} is already registered`, details: { code: upt.code } }
    : undefined;

const satkerCodeFree: UptRegistrationRule = ({ upt, clashes }) =>
  clashes.some((c) => c.satkerCode === upt.satkerCode)
    ? { code: 'SATKER_CODE_TAKEN', message: `satker code ${upt.satkerCode} belongs to another UPT`, details: { field: 'satkerCode' } }
    : undefined;

/** In order: the Kanwil must exist, then the code and the satker code must be free. */
const UPT_REGISTRATION_RULES: UptRegistrationRule[] = [kanwilRegistered, uptCodeFree, satkerCodeFree];

export function uptRegistrationRefusal(registration: UptRegistration): UptRegistrationRefusal | undefined {
  return firstRefusal(UPT_REGISTRATION_RULES, registration);
}
