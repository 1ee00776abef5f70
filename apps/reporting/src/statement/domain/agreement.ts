/** What reporting knows of an agreement (from consignment's events), with the Kanwils of its venue and UPT. */
export interface AgreementDim {
  agreementId: string;
  uptCode: string;
  venueCode: string;
  commissionBp: number;
  timeZone: string;
  venueKanwilCode?: string | null;
  uptKanwilCode?: string | null;
}
