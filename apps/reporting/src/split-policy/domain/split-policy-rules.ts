import { firstRefusal, WHOLE, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { SplitShare } from '../../statement/domain/split';

export type SplitPolicyRefusalCode = 'SHARE_REPEATED' | 'PNBP_SHARE_REQUIRED' | 'SHARES_NOT_WHOLE';

export type SplitPolicyRefusal = Refusal<SplitPolicyRefusalCode>;
type SplitPolicyRule = Rule<SplitShare[], SplitPolicyRefusalCode>;

/** Every refusal of a policy's shares is a validation error of the request (400). */
export const SPLIT_POLICY_REFUSAL_KIND: Record<SplitPolicyRefusalCode, ErrorKind> = {
  SHARE_REPEATED: 'validation',
  PNBP_SHARE_REQUIRED: 'validation',
  SHARES_NOT_WHOLE: 'validation',
};

export function eachShareOnce(shares: SplitShare[]): SplitPolicyRefusal | undefined {
  const names = shares.map((s) => s.name);
  if (new Set(names).size !== names.length)
    return { code: 'SHARE_REPEATED', message: 'each share may appear once', details: { field: 'shares' } };
  return undefined;
}

export function pnbpShareNamed(shares: SplitShare[]): SplitPolicyRefusal | undefined {
  if (!shares.some((s) => s.name === 'PNBP'))
    return { code: 'PNBP_SHARE_REQUIRED', message: 'a split must name the PNBP share', details: { field: 'shares' } };
  return undefined;
}

export function sharesMakeTheWhole(shares: SplitShare[]): SplitPolicyRefusal | undefined {
  const sum = shares.reduce((s, x) => s + x.basisPoints, 0);
  if (sum !== WHOLE)
    return { code: 'SHARES_NOT_WHOLE', message: `shares sum to ${sum} basis points, not 10,000`, details: { field: 'shares', sum } };
  return undefined;
}

/** Checked in this order; the first that refuses decides. */
export const SPLIT_POLICY_RULES: readonly SplitPolicyRule[] = [eachShareOnce, pnbpShareNamed, sharesMakeTheWhole];

/** Why a split policy's shares cannot be set, or undefined when they can. */
export function splitPolicyRefusal(shares: SplitShare[]): SplitPolicyRefusal | undefined {
  return firstRefusal(SPLIT_POLICY_RULES, shares);
}
