import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Dispatch } from '../../dispatch/domain/dispatch';

/** Every reason a printed document is refused (reading outside one's scope is refused before, as for the record). */
export type DocumentRefusalCode = 'DISPATCH_NOT_RECEIVED' | 'TOO_MANY_LABELS';

export const DOCUMENT_REFUSAL_KIND: Record<DocumentRefusalCode, ErrorKind> = {
  DISPATCH_NOT_RECEIVED: 'conflict',
  TOO_MANY_LABELS: 'rule',
};

/** The BAST records what arrived: it exists once the venue confirmed the receipt. */
export const receiptConfirmed: Rule<Pick<Dispatch, 'number' | 'status'>, DocumentRefusalCode> = ({ number, status }) =>
  status === 'RECEIVED'
    ? undefined
    : {
        code: 'DISPATCH_NOT_RECEIVED',
        message: `dispatch ${number} is ${status}: its berita acara serah terima exists once the venue confirms the receipt`,
        details: { current: status, required: 'RECEIVED' },
      };

export const BAST_RULES: readonly Rule<Pick<Dispatch, 'number' | 'status'>, DocumentRefusalCode>[] = [receiptConfirmed];

export function bastRefusal(dispatch: Pick<Dispatch, 'number' | 'status'>): Refusal<DocumentRefusalCode> | undefined {
  return firstRefusal(BAST_RULES, dispatch);
}
