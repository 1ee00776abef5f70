import { INDONESIAN_TIME_ZONES, VENUE_TYPES } from './admin-fields';
import type { FieldProblem } from './admin-input';
import { codeProblems, nameProblems, normaliseCode } from './organisation-form';

/** The venue form: the partner venue, its Kanwil and the time zone its settlement months are counted in. */
export interface VenueForm {
  code: string;
  name: string;
  partnerAgency: string;
  type: string;
  kanwilCode: string;
  timeZone: string;
  collectiveOutlet: boolean;
}

export const emptyVenue = (): VenueForm => ({
  code: '',
  name: '',
  partnerAgency: '',
  type: 'immigration-lounge',
  kanwilCode: '',
  timeZone: 'Asia/Jakarta',
  collectiveOutlet: false,
});

export function venueProblems(form: VenueForm): FieldProblem[] {
  const problems = [
    ...codeProblems('code', form.code),
    ...nameProblems('name', form.name),
    ...nameProblems('partnerAgency', form.partnerAgency),
  ];
  if (!(VENUE_TYPES as readonly string[]).includes(form.type)) problems.push({ field: 'type', problem: 'choose' });
  if (!form.kanwilCode) problems.push({ field: 'kanwilCode', problem: 'choose' });
  if (!(INDONESIAN_TIME_ZONES as readonly string[]).includes(form.timeZone)) problems.push({ field: 'timeZone', problem: 'choose' });
  return problems;
}

/** The body of POST /venues. */
export const venueRequest = (form: VenueForm) => ({
  code: normaliseCode(form.code),
  name: form.name.trim(),
  partnerAgency: form.partnerAgency.trim(),
  type: form.type,
  kanwilCode: form.kanwilCode,
  timeZone: form.timeZone,
  collectiveOutlet: form.collectiveOutlet,
});
