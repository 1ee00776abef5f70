import {
  addDays,
  eventPeriod,
  isCalendarDay,
  MINISTRY_ORGANISER_CODE,
  periodEnd,
  startOfDay,
  type ShrinkageLiability,
} from '@titipan/contracts';
import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { Actor } from '@titipan/contracts';

/** The terms every agreement of an exhibition shares. */
export interface ExhibitionTerms {
  commissionBp: number;
  maxDiscountBp: number;
  shrinkageLiability: ShrinkageLiability;
}

/** An exhibition as set up: a venue of type `exhibition` and one agreement per participating UPT. */
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

/** The event period string of the exhibition (decision 0029). */
export const periodOfExhibition = (e: Pick<Exhibition, 'first' | 'last'>) => eventPeriod(e);

/** The agreements run from the first day to the last day plus the return window (venue calendar). */
export const agreementValidTo = (e: Pick<Exhibition, 'last' | 'returnWindowDays'>) => addDays(e.last, e.returnWindowDays);

/** The event has ended once its last day has ended in the venue's zone. */
export const hasEnded = (e: Pick<Exhibition, 'first' | 'last' | 'timeZone'>, now: Date) =>
  now.getTime() >= periodEnd(periodOfExhibition(e), e.timeZone).getTime();

/** When the automatic close runs: the end of the return window's last day in the venue's zone. */
export const autoCloseAt = (e: Pick<Exhibition, 'last' | 'returnWindowDays' | 'timeZone'>) =>
  startOfDay(addDays(e.last, e.returnWindowDays + 1), e.timeZone);

export type ExhibitionRefusalCode =
  'OUT_OF_SCOPE' | 'KANWIL_REQUIRED' | 'EVENT_DAYS_INVALID' | 'UPT_LISTED_TWICE' | 'UPT_UNKNOWN' | 'UPT_OUTSIDE_REGION' | 'VENUE_EXISTS';

export const EXHIBITION_REFUSAL_KIND: Record<ExhibitionRefusalCode, ErrorKind> = {
  OUT_OF_SCOPE: 'forbidden',
  KANWIL_REQUIRED: 'rule',
  EVENT_DAYS_INVALID: 'rule',
  UPT_LISTED_TWICE: 'rule',
  UPT_UNKNOWN: 'rule',
  UPT_OUTSIDE_REGION: 'rule',
  VENUE_EXISTS: 'conflict',
};

/** A request to set up an exhibition, with what it is judged on. */
export interface ExhibitionCandidate {
  actor: Pick<Actor, 'role' | 'scope'>;
  /** The Kanwil the venue belongs to: the organising Kanwil's own, or the one the ministry names. */
  kanwilCode: string | undefined;
  first: string;
  last: string;
  uptCodes: string[];
  /** The Kanwil of each UPT the directory knows. */
  uptKanwils: Map<string, string>;
  /** A venue already registered under the code (by anything but this exhibition). */
  venueTaken: boolean;
}

type ExhibitionRule = Rule<ExhibitionCandidate, ExhibitionRefusalCode>;

/** The organiser: a Kanwil for its own region, or the ministry (an admin may act for it). */
export const mayOrganise: ExhibitionRule = ({ actor, kanwilCode }) =>
  actor.role === 'ministry' || actor.role === 'admin' || (actor.role === 'kanwil' && (kanwilCode ?? actor.scope) === actor.scope)
    ? undefined
    : {
        code: 'OUT_OF_SCOPE',
        message: `${actor.role} of ${actor.scope} may not organise an exhibition${kanwilCode ? ` in ${kanwilCode}` : ''}`,
        details: { role: actor.role, scope: actor.scope, kanwilCode },
      };

export const kanwilNamed: ExhibitionRule = ({ actor, kanwilCode }) =>
  actor.role !== 'kanwil' && !kanwilCode
    ? { code: 'KANWIL_REQUIRED', message: 'name the Kanwil the exhibition belongs to (kanwilCode)', details: { field: 'kanwilCode' } }
    : undefined;

export const eventDaysValid: ExhibitionRule = ({ first, last }) =>
  isCalendarDay(first) && isCalendarDay(last) && last >= first
    ? undefined
    : {
        code: 'EVENT_DAYS_INVALID',
        message: `the event must run from a day to the same or a later day, not ${first} to ${last}`,
        details: { first, last },
      };

export const uptsDistinct: ExhibitionRule = ({ uptCodes }) => {
  const twice = uptCodes.filter((c, i) => uptCodes.indexOf(c) !== i);
  return twice.length === 0
    ? undefined
    : { code: 'UPT_LISTED_TWICE', message: `${twice.join(', ')} listed more than once`, details: { uptCodes: [...new Set(twice)] } };
};

export const uptsKnown: ExhibitionRule = ({ uptCodes, uptKanwils }) => {
  const unknown = uptCodes.filter((c) => !uptKanwils.has(c));
  return unknown.length === 0
    ? undefined
    : { code: 'UPT_UNKNOWN', message: `unknown UPT ${unknown.join(', ')}`, details: { uptCodes: unknown } };
};

/** A Kanwil gathers the UPTs of its own region; the ministry may gather any. */
export const uptsInRegion: ExhibitionRule = ({ actor, uptCodes, uptKanwils }) => {
  if (actor.role !== 'kanwil') return undefined;
  const outside = uptCodes.filter((c) => uptKanwils.get(c) !== actor.scope);
  return outside.length === 0
    ? undefined
    : {
        code: 'UPT_OUTSIDE_REGION',
        message: `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in ${actor.scope}'s region`,
        details: { uptCodes: outside, kanwilCode: actor.scope },
      };
};

export const venueFree: ExhibitionRule = ({ venueTaken }) =>
  venueTaken ? { code: 'VENUE_EXISTS', message: 'a venue is already registered under this code', details: { field: 'code' } } : undefined;

export const EXHIBITION_RULES: readonly ExhibitionRule[] = [
  mayOrganise,
  kanwilNamed,
  eventDaysValid,
  uptsDistinct,
  uptsKnown,
  uptsInRegion,
  venueFree,
];

export function exhibitionRefusal(c: ExhibitionCandidate): Refusal<ExhibitionRefusalCode> | undefined {
  return firstRefusal(EXHIBITION_RULES, c);
}

/** The organiser code the event names: the Kanwil that organises it, or the ministry's. */
export function organiserOf(actor: Pick<Actor, 'role' | 'scope'>): string {
  return actor.role === 'kanwil' ? actor.scope! : MINISTRY_ORGANISER_CODE;
}

/** JSON with every object's keys sorted: Postgres' jsonb does not keep the order the request was stored in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether a set-up request is the one an exhibition was stored with (a retry), whatever the order of its keys. */
export const sameRequest = (stored: object, asked: object): boolean => canonical(stored) === canonical(asked);
