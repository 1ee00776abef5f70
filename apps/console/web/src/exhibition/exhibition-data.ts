import { all, ApiError, call } from '../api';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { localDay } from '../format';
import { exhibitionPhase, type ExhibitionPhase } from './exhibition-form';

/** An exhibition as consignment lists it (GET /exhibitions). */
export interface Exhibition {
  id: string;
  code: string;
  name: string;
  series: string;
  edition: string;
  organiserCode: string;
  kanwilCode: string;
  location: string;
  timeZone: string;
  first: string;
  last: string;
  returnWindowDays: number;
  uptCodes: string[];
  createdAt: string;
}

/** A return the system proposes at an exhibition's end: one per UPT, from its stock on hand. */
export interface ProposedReturn {
  id: string;
  agreementId: string;
  uptCode: string;
  venueCode: string;
  reason: string;
  status: 'PROPOSED' | 'CONFIRMED';
  lines: { productId: string; lotCode: string; bucket: 'SELLABLE' | 'QUARANTINE'; quantity: number }[];
  proposedAt: string;
  confirmedAt: string | null;
}

/** The exhibitions within the caller's scope (consignment scopes the list: a Kanwil its region, a UPT its own, a venue itself). */
export const loadExhibitions = (): Promise<Exhibition[]> => all<Exhibition>('/api/consignment/exhibitions');

/**
 * The proposed returns of an exhibition that has ended (asking is what makes the system propose them; a UPT gets
 * its own); undefined while it has not ended.
 */
export async function loadProposals(exhibitionId: string): Promise<ProposedReturn[] | undefined> {
  try {
    return await all<ProposedReturn>(`/api/consignment/exhibitions/${encodeURIComponent(exhibitionId)}/proposed-returns`);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'EXHIBITION_NOT_ENDED') return undefined;
    throw e;
  }
}

/** Confirms a proposal in one action: consignment ships it as a return to the UPT. */
export const confirmProposal = (id: string) =>
  call<{ proposal: ProposedReturn; return: { id: string } }>('POST', `/api/consignment/proposed-returns/${encodeURIComponent(id)}/confirm`);

/** Where an exhibition stands today in its own zone. */
export const phaseOf = (e: Exhibition, now = new Date()): ExhibitionPhase => exhibitionPhase(e, localDay(now, e.timeZone));

export const units = (p: ProposedReturn) => p.lines.reduce((sum, l) => sum + l.quantity, 0);

/** A refusal in words: the exhibition pages' own sentence for their codes, else the console's shared one. */
export function refusalText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.load', { reason: (error as Error).message });
  // lists in the details (the UPTs refused) read as "LP-A, LP-B"
  const values = Object.fromEntries(Object.entries(error.details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
  const own = t(`exhibition.refusal.${error.code}`, { ...values, defaultValue: '' });
  return own || describeRefusal(error, t);
}
