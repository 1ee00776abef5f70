/**
 * What an administrator types, read as the services want it: percentages into basis points, rupiah into whole
 * numbers. Indonesian writing first (`12,5` %, `Rp 15.000`); the English decimal point is read too for percentages.
 */

/** `12,5` or `12.5` (%) as basis points (1250); undefined when it is no percentage with at most two decimals. */
export function parsePercentBp(text: string): number | undefined {
  const plain = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(plain)) return undefined;
  return Math.round(Number(plain) * 100);
}

/** `Rp 15.000`, `15.000` or `15000` as whole rupiah; undefined for anything else (cents, letters, a decimal comma). */
export function parseRupiah(text: string): number | undefined {
  const plain = text.trim().replace(/^rp\.?\s*/i, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(plain)) return Number(plain.replace(/\./g, ''));
  if (/^\d+$/.test(plain)) return Number(plain);
  return undefined;
}

/** A problem with one field of a form: the field and the i18n key (under admin.problem) that says what is wrong. */
export interface FieldProblem {
  field: string;
  problem: string;
  values?: Record<string, unknown>;
}

/** The problem of one field, if any. */
export const problemOf = (problems: readonly FieldProblem[], field: string): FieldProblem | undefined =>
  problems.find((p) => p.field === field);
