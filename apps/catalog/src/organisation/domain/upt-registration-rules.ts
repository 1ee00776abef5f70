import { firstRefusal, type Refusal, type Rule } from '@titipan/kernel';
import type { Upt } from './organisation';

/** Every reason a UPT registration is refused. */
export type UptRegistrationRefusalCode = 'KANWIL_UNKNOWN' | 'UPT_EXISTS' | 'SATKER_CODE_TAKEN';
export type UptRegistrationRefusal = Refusal<UptRegistrationRefusalCode>;

export interface UptRegistration {
  upt: Pick<Upt, 'code' | 'kanwilCode' | 'satkerCode'>;
  kanwilRegistered: boolean;
  /** Registered UPTs that share the new UPT's code or satker code. */
  clashes: Pick<Upt, 'code' | 'satkerCode'>[];
}

/** In order: the Kanwil must exist, then the code and the satker code must be free. */
const UPT_REGISTRATION_RULES: Rule<UptRegistration, UptRegistrationRefusal>[] = [
  {
    name: 'kanwil-registered',
    check: ({ upt, kanwilRegistered }) =>
      kanwilRegistered
        ? undefined
        : { kind: 'rule', code: 'KANWIL_UNKNOWN', message: `Kanwil ${upt.kanwilCode} is not registered`, details: { field: 'kanwilCode' } },
  },
  {
    name: 'upt-code-free',
    check: ({ upt, clashes }) =>
      clashes.some((c) => c.code === upt.code)
        ? { kind: 'conflict', code: 'UPT_EXISTS', message: `UPT ${upt.code} is already registered`, details: { code: upt.code } }
        : undefined,
  },
  {
    name: 'satker-code-free',
    check: ({ upt, clashes }) =>
      clashes.some((c) => c.satkerCode === upt.satkerCode)
        ? {
            kind: 'conflict',
            code: 'SATKER_CODE_TAKEN',
            message: `satker code ${upt.satkerCode} belongs to another UPT`,
            details: { field: 'satkerCode' },
          }
        : undefined,
  },
];

export function uptRegistrationRefusal(registration: UptRegistration): UptRegistrationRefusal | undefined {
  return firstRefusal(UPT_REGISTRATION_RULES, registration);
}
