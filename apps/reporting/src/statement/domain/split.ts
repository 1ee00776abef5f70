/** One share of a UPT's proceeds (PNBP to the state, premi to the inmate workers, production capital). */
export interface SplitShare {
  name: string;
  /** Basis points of the base; the shares of a policy sum to 10,000. */
  basisPoints: number;
  legalReference: string;
}

export interface SplitPart extends SplitShare {
  amount: number;
}

export { basisPointsOf, splitByLargestRemainder } from '@titipan/kernel';
