export type DispatchStatus = 'IN_TRANSIT' | 'RECEIVED' | 'CANCELLED';

export interface DispatchLine {
  lineNo: number;
  productId: string;
  lotCode: string;
  expiryDate: string;
  quantity: number;
  unitPrice: number;
  accepted: number | null;
  damaged: number | null;
  short: number | null;
  reason: string | null;
}

export interface Dispatch {
  id: string;
  number: string;
  agreementId: string;
  uptCode: string;
  venueCode: string;
  venueKanwilCode: string;
  status: DispatchStatus;
  dispatchedAt: string;
  receivedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  lines: DispatchLine[];
}
