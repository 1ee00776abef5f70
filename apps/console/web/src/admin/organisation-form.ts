import { MAX_NAME_LENGTH, ORG_CODE_PATTERN, SATKER_CODE_PATTERN, UPT_CLASSES, UPT_TYPES } from './admin-fields';
import type { FieldProblem } from './admin-input';

/** The Kanwil and UPT forms: checked before sending by the rules catalog applies (its refusals still show). */
export interface KanwilForm {
  code: string;
  name: string;
}

export interface UptForm {
  code: string;
  name: string;
  type: string;
  class: string;
  kanwilCode: string;
  satkerCode: string;
}

export const emptyKanwil = (): KanwilForm => ({ code: '', name: '' });
export const emptyUpt = (kanwilCode = ''): UptForm => ({ code: '', name: '', type: 'LAPAS', class: 'IIA', kanwilCode, satkerCode: '' });

/** A code as typed, the way the services write codes: capitals, no spaces around. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();

export function codeProblems(field: string, code: string): FieldProblem[] {
  if (!code.trim()) return [{ field, problem: 'required' }];
  return ORG_CODE_PATTERN.test(normaliseCode(code)) ? [] : [{ field, problem: 'code' }];
}

export function nameProblems(field: string, name: string): FieldProblem[] {
  if (!name.trim()) return [{ field, problem: 'required' }];
  return name.trim().length > MAX_NAME_LENGTH ? [{ field, problem: 'tooLong', values: { max: MAX_NAME_LENGTH } }] : [];
}

export function kanwilProblems(form: KanwilForm): FieldProblem[] {
  return [...codeProblems('code', form.code), ...nameProblems('name', form.name)];
}

export function uptProblems(form: UptForm): FieldProblem[] {
  const problems = [...codeProblems('code', form.code), ...nameProblems('name', form.name)];
  if (!(UPT_TYPES as readonly string[]).includes(form.type)) problems.push({ field: 'type', problem: 'choose' });
  if (!(UPT_CLASSES as readonly string[]).includes(form.class)) problems.push({ field: 'class', problem: 'choose' });
  if (!form.kanwilCode) problems.push({ field: 'kanwilCode', problem: 'choose' });
  if (!SATKER_CODE_PATTERN.test(form.satkerCode.trim())) problems.push({ field: 'satkerCode', problem: 'satker' });
  return problems;
}

/** The body of POST /kanwils. */
export const kanwilRequest = (form: KanwilForm) => ({ code: normaliseCode(form.code), name: form.name.trim() });

/** The body of POST /upts. */
export const uptRequest = (form: UptForm) => ({
  code: normaliseCode(form.code),
  name: form.name.trim(),
  type: form.type,
  class: form.class,
  kanwilCode: form.kanwilCode,
  satkerCode: form.satkerCode.trim(),
});
