import { allRefusals, type Refusal } from '@titipan/kernel';
import { controlMismatches, type ControlTotals } from './statement';

export type IssueRefusalCode = 'AGREEMENT_UNKNOWN' | 'CONTROL_TOTALS_DIFFER' | 'NO_SPLIT_POLICY';

/** Why a closed month's statement cannot be issued yet; `details.problems` are the sentences stored as its mismatches. */
export type IssueRefusal = Refusal<IssueRefusalCode> & { details: { problems: string[] } };

const refusal = (code: IssueRefusalCode, problems: string[]): IssueRefusal => ({
  code,
  message: problems.join('; '),
  details: { problems },
});

/** What the issue decision looks at, once the period-close event has arrived. */
export interface IssueCandidate {
  period: string;
  /** The agreement's UPT; undefined while the agreement's activation has not arrived. */
  uptCode?: string;
  /** Control totals of the figures computed from the stored events (none without the agreement). */
  computed?: ControlTotals;
  /** Control totals the period close announced. */
  announced: ControlTotals;
  splitPolicyId: string | null;
}

type IssueRule = (c: IssueCandidate) => IssueRefusal | undefined;

export function agreementKnown(c: IssueCandidate): IssueRefusal | undefined {
  if (c.uptCode === undefined) return refusal('AGREEMENT_UNKNOWN', ['the agreement is not known yet']);
  return undefined;
}

export function controlTotalsMatch(c: IssueCandidate): IssueRefusal | undefined {
  const problems = c.computed ? controlMismatches(c.computed, c.announced) : [];
  return problems.length > 0 ? refusal('CONTROL_TOTALS_DIFFER', problems) : undefined;
}

export function splitPolicyCovers(c: IssueCandidate): IssueRefusal | undefined {
  if (c.uptCode === undefined || c.splitPolicyId) return undefined;
  return refusal('NO_SPLIT_POLICY', [`no split policy covers ${c.uptCode} in ${c.period}; the ministry sets a national default`]);
}

/** In this order; problems are listed in it. */
export const ISSUE_RULES: readonly IssueRule[] = [agreementKnown, controlTotalsMatch, splitPolicyCovers];

/**
 * Everything that keeps the statement from being issued, in rule order; empty when it can be issued.
 * Unlike the other decisions this one does not stop at the first refusal: a pending statement shows
 * every problem at once, so each can be fixed before the next retry.
 */
export function issueRefusals(candidate: IssueCandidate): IssueRefusal[] {
  return allRefusals(ISSUE_RULES, candidate);
}
