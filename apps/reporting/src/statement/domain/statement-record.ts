import type { StatementFigures } from './statement';

export type StatementStatus = 'PENDING' | 'ISSUED' | 'PAID' | 'DEPOSITED';

/** A settlement statement as stored, with the agreement's parties and the payment and deposit once recorded. */
export interface Statement {
  id: string;
  agreementId: string;
  period: string;
  status: StatementStatus;
  uptCode: string;
  venueCode: string;
  venueName: string | null;
  /** The venue's time zone: the month is counted in it, and the files print times in it. */
  timeZone: string;
  venueKanwilCode: string | null;
  uptKanwilCode: string | null;
  figures: StatementFigures | null;
  mismatches: string[];
  sourceEventIds: string[];
  digest: string | null;
  issuedAt: string | null;
  paidAmount: number | null;
  paidOn: string | null;
  transferReference: string | null;
  simponiBillingCode: string | null;
  ntpn: string | null;
  depositedOn: string | null;
  /** Whole rupiah the UPT deposited to the state (the PNBP share). */
  depositedAmount: number | null;
}
