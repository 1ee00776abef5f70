import {
  INDONESIAN_TIME_ZONES,
  MAX_COMMISSION_BP,
  MAX_DISCOUNT_BP,
  MAX_EXHIBITION_UPTS,
  MAX_NAME_LENGTH,
  MAX_RETURN_WINDOW_DAYS,
} from '../admin/admin-fields';
import { parsePercentBp, type FieldProblem } from '../admin/admin-input';
import { codeProblems, nameProblems, normaliseCode } from '../admin/organisation-form';

/**
 * The organiser's exhibition form (POST /exhibitions): the venue code and name, the series and edition, where and
 * in which zone, the event's days, the return window, the terms every UPT shares, and the UPTs taking a booth.
 * Checked before sending by the rules consignment applies; its refusals still show.
 */
export interface ExhibitionForm {
  code: string;
  name: string;
  series: string;
  edition: string;
  location: string;
  /** The Kanwil the venue belongs to: chosen by the ministry, a Kanwil's own otherwise. */
  kanwilCode: string;
  timeZone: string;
  first: string;
  last: string;
  returnWindowDays: string;
  commission: string;
  maxDiscount: string;
  uptCodes: string[];
}

export const emptyExhibition = (kanwilCode = ''): ExhibitionForm => ({
  code: '',
  name: '',
  series: '',
  edition: '',
  location: '',
  kanwilCode,
  timeZone: 'Asia/Jakarta',
  first: '',
  last: '',
  returnWindowDays: '7',
  commission: '10',
  maxDiscount: '0',
  uptCodes: [],
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EDITION_MAX = 50;
const LOCATION_MAX = 300;

function textProblems(field: string, text: string, max: number): FieldProblem[] {
  if (!text.trim()) return [{ field, problem: 'required' }];
  return text.trim().length > max ? [{ field, problem: 'tooLong', values: { max } }] : [];
}

function percentProblems(field: string, text: string, maxBp: number): FieldProblem[] {
  const bp = parsePercentBp(text);
  if (bp === undefined) return [{ field, problem: 'percent' }];
  return bp > maxBp ? [{ field, problem: 'percentMax', values: { max: maxBp / 100 } }] : [];
}

/** A whole number of days from 0 to the most consignment allows. */
const windowDays = (text: string): number | undefined => {
  const plain = text.trim();
  if (!/^\d{1,3}$/.test(plain)) return undefined;
  const days = Number(plain);
  return days <= MAX_RETURN_WINDOW_DAYS ? days : undefined;
};

export function exhibitionProblems(form: ExhibitionForm): FieldProblem[] {
  const problems: FieldProblem[] = [
    ...codeProblems('code', form.code),
    ...nameProblems('name', form.name),
    ...textProblems('series', form.series, MAX_NAME_LENGTH),
    ...textProblems('edition', form.edition, EDITION_MAX),
    ...textProblems('location', form.location, LOCATION_MAX),
  ];
  if (!form.kanwilCode) problems.push({ field: 'kanwilCode', problem: 'choose' });
  if (!(INDONESIAN_TIME_ZONES as readonly string[]).includes(form.timeZone)) problems.push({ field: 'timeZone', problem: 'choose' });
  if (!DAY.test(form.first)) problems.push({ field: 'first', problem: 'day' });
  if (!DAY.test(form.last)) problems.push({ field: 'last', problem: 'day' });
  else if (DAY.test(form.first) && form.last < form.first) problems.push({ field: 'last', problem: 'reversed' });
  if (windowDays(form.returnWindowDays) === undefined)
    problems.push({ field: 'returnWindowDays', problem: 'windowDays', values: { max: MAX_RETURN_WINDOW_DAYS } });
  problems.push(...percentProblems('commission', form.commission, MAX_COMMISSION_BP));
  problems.push(...percentProblems('maxDiscount', form.maxDiscount, MAX_DISCOUNT_BP));
  if (form.uptCodes.length === 0) problems.push({ field: 'uptCodes', problem: 'chooseUpts' });
  else if (form.uptCodes.length > MAX_EXHIBITION_UPTS)
    problems.push({ field: 'uptCodes', problem: 'tooManyUpts', values: { max: MAX_EXHIBITION_UPTS } });
  return problems;
}

/**
 * The body of POST /exhibitions. A Kanwil sends no kanwilCode (consignment takes its own); the ministry names the
 * Kanwil. The UPTs go in the order they are listed, as the same request again must be the same to be a retry.
 */
export function exhibitionRequest(form: ExhibitionForm, role: string) {
  return {
    code: normaliseCode(form.code),
    name: form.name.trim(),
    series: form.series.trim(),
    edition: form.edition.trim(),
    location: form.location.trim(),
    ...(role === 'kanwil' ? {} : { kanwilCode: form.kanwilCode }),
    timeZone: form.timeZone,
    first: form.first,
    last: form.last,
    returnWindowDays: windowDays(form.returnWindowDays)!,
    commissionBp: parsePercentBp(form.commission)!,
    maxDiscountBp: parsePercentBp(form.maxDiscount)!,
    uptCodes: [...form.uptCodes].sort(),
  };
}

/** Where an exhibition stands on a day of its own zone: before, during, in its return window, or over. */
export type ExhibitionPhase = 'upcoming' | 'running' | 'returns' | 'over';

/** A calendar day moved by `days` (YYYY-MM-DD, no zone). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function exhibitionPhase(e: { first: string; last: string; returnWindowDays: number }, today: string): ExhibitionPhase {
  if (today < e.first) return 'upcoming';
  if (today <= e.last) return 'running';
  return today <= addDays(e.last, e.returnWindowDays) ? 'returns' : 'over';
}
