import type { SplitShare } from '../../statement/domain/split';

/** The parts a UPT's proceeds are divided into. */
export const SHARE_NAMES = ['PNBP', 'PREMI', 'CAPITAL'] as const;

/**
 * An effective-dated proceeds split, a UPT's own or (uptCode null) the national default. Practice differs
 * between UPTs (50/15/35, 60/15/25, …), so the split is data, never a constant.
 */
export interface SplitPolicy {
  id: string;
  uptCode: string | null;
  effectiveFrom: string;
  shares: SplitShare[];
}
