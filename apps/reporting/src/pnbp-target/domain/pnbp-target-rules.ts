import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { PnbpTargetRevision } from './pnbp-target';

/** Every reason a target revision is refused. */
export type TargetRefusalCode = 'TARGET_OUTSIDE_YEAR' | 'TARGET_ALREADY_SET';

export const TARGET_REFUSAL_KIND: Record<TargetRefusalCode, ErrorKind> = {
  TARGET_OUTSIDE_YEAR: 'rule',
  TARGET_ALREADY_SET: 'conflict',
};

/** A new revision of a UPT's target for a year, against the revisions the year already has. */
export interface TargetChange {
  year: number;
  amount: number;
  effectiveFrom: string;
  history: readonly PnbpTargetRevision[];
}

type TargetRule = Rule<TargetChange, TargetRefusalCode>;

/** A year's target changes on a day of that year. */
export const withinItsYear: TargetRule = ({ year, effectiveFrom }) =>
  effectiveFrom.startsWith(`${year}-`)
    ? undefined
    : {
        code: 'TARGET_OUTSIDE_YEAR',
        message: `a ${year} target takes effect on a day of ${year}, not ${effectiveFrom}`,
        details: { field: 'effectiveFrom', year, effectiveFrom },
      };

/** History is not rewritten: a day that already has another amount keeps it (the same amount again is a retry). */
export const notRewritingHistory: TargetRule = ({ amount, effectiveFrom, history }) => {
  const held = history.find((r) => r.effectiveFrom === effectiveFrom);
  return held && held.amount !== amount
    ? {
        code: 'TARGET_ALREADY_SET',
        message: `the target from ${effectiveFrom} is already ${held.amount}; revise it from another day`,
        details: { effectiveFrom, amount: held.amount, requested: amount },
      }
    : undefined;
};

/** The rules of a target revision, in order. */
export const TARGET_RULES: readonly TargetRule[] = [withinItsYear, notRewritingHistory];

export function targetRefusal(change: TargetChange): Refusal<TargetRefusalCode> | undefined {
  return firstRefusal(TARGET_RULES, change);
}
