export type AgreementStatus = 'DRAFT' | 'ACTIVE' | 'TERMINATED';

/** Perjanjian konsinyasi between one UPT and one venue, with the venue's calendar and its own prices. */
export interface Agreement {
  id: string;
  uptCode: string;
  venueCode: string;
  venueKanwilCode: string;
  timeZone: string;
  commissionBp: number;
  validFrom: string;
  validTo: string | null;
  settlementCycle: 'MONTHLY';
  status: AgreementStatus;
  createdAt: string;
  activatedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  prices: AgreementPrice[];
}

export interface AgreementPrice {
  productId: string;
  price: number;
}

/** Whether a venue-calendar day (YYYY-MM-DD) lies within the agreement's validity. */
export function isWithinValidity(agreement: Pick<Agreement, 'validFrom' | 'validTo'>, day: string): boolean {
  return day >= agreement.validFrom && (agreement.validTo === null || day <= agreement.validTo);
}

/** What a document dated outside the validity is told. */
export function outsideValidityMessage(agreement: Pick<Agreement, 'validFrom' | 'validTo'>, day: string): string {
  return `the agreement is valid ${agreement.validFrom} to ${agreement.validTo ?? 'open'}, not on ${day}`;
}
