import type { ProductCategory } from '@titipan/contracts';
import { addYears, jakartaDate } from './calendar';
import { CERTIFICATE_NUMBER_FORMAT, digitsOf, PIRT_MIN_DIGITS, PIRT_VALID_YEARS, type Certificate } from './certificates';

export interface ComplianceFacts {
  category: ProductCategory;
  shelfLifeDays: number | null;
  certificates: Certificate[];
}

/** One failed rule: a stable code for machines, the rule's name and a sentence for people. */
export interface RuleViolation {
  code: string;
  rule: string;
  message: string;
}

/** PP 42/2024: micro and small food and drink need a halal certificate from this date (WIB). */
export const HALAL_MANDATORY_FROM = '2026-10-17';
/** P-IRT covers only food that keeps longer than this. */
export const PIRT_MIN_SHELF_LIFE_DAYS = 7;

const needsIzinEdar = (category: ProductCategory) => category === 'food' || category === 'beverage';

/** Shelf life of a day or less: the product can be listed but not placed on consignment. */
export function isConsignable(shelfLifeDays: number | null): boolean {
  return shelfLifeDays === null || shelfLifeDays > 1;
}

/**
 * The distribution permit (izin edar) of food and beverage on a given day: a BPOM MD number, or a P-IRT
 * that has at least 15 digits, was issued less than 5 years before, and covers the product's shelf life.
 * Also what the expiry check re-runs on approved products.
 */
export function izinEdarViolations(facts: ComplianceFacts, day: string): RuleViolation[] {
  if (!needsIzinEdar(facts.category)) return [];
  const bpom = facts.certificates.filter((c) => c.kind === 'BPOM_MD');
  const pirt = facts.certificates.filter((c) => c.kind === 'PIRT');
  if (bpom.some((c) => CERTIFICATE_NUMBER_FORMAT.BPOM_MD.test(c.number))) return [];

  const violations: RuleViolation[] = [];
  if (bpom.length > 0) {
    violations.push({ code: 'BPOM_NUMBER_INVALID', rule: 'bpom-md-format', message: 'a BPOM number is "MD" followed by 12 digits' });
  }
  for (const c of pirt) {
    const problems: RuleViolation[] = [];
    if (digitsOf(c.number).length < PIRT_MIN_DIGITS) {
      problems.push({
        code: 'PIRT_NUMBER_TOO_SHORT',
        rule: 'pirt-number-format',
        message: `P-IRT ${c.number} has fewer than ${PIRT_MIN_DIGITS} digits`,
      });
    }
    const expiresOn = addYears(c.issuedOn, PIRT_VALID_YEARS);
    if (day >= expiresOn) {
      problems.push({
        code: 'PIRT_EXPIRED',
        rule: 'pirt-valid-5-years',
        message: `P-IRT ${c.number} issued ${c.issuedOn} expired on ${expiresOn}`,
      });
    }
    if (facts.shelfLifeDays !== null && facts.shelfLifeDays <= PIRT_MIN_SHELF_LIFE_DAYS) {
      problems.push({
        code: 'PIRT_SHELF_LIFE_TOO_SHORT',
        rule: 'pirt-shelf-life-over-7-days',
        message: `P-IRT covers only shelf life over ${PIRT_MIN_SHELF_LIFE_DAYS} days; this product keeps ${facts.shelfLifeDays}`,
      });
    }
    if (problems.length === 0) return []; // one good P-IRT is enough
    violations.push(...problems);
  }
  if (bpom.length === 0 && pirt.length === 0) {
    violations.push({
      code: 'IZIN_EDAR_REQUIRED',
      rule: 'food-beverage-izin-edar',
      message: 'food and beverage need a P-IRT or BPOM MD number',
    });
  }
  return violations;
}

/** Every rule a product must pass to be approved (or reinstated) at the given time. */
export function approvalViolations(facts: ComplianceFacts, at: Date): RuleViolation[] {
  const day = jakartaDate(at);
  const violations = izinEdarViolations(facts, day);
  if (needsIzinEdar(facts.category) && day >= HALAL_MANDATORY_FROM) {
    const halal = facts.certificates.filter((c) => c.kind === 'HALAL');
    if (halal.length === 0) {
      violations.push({
        code: 'HALAL_REQUIRED',
        rule: 'halal-from-2026-10-17',
        message: `food and beverage approved from ${HALAL_MANDATORY_FROM} need a halal certificate`,
      });
    } else if (!halal.some((c) => CERTIFICATE_NUMBER_FORMAT.HALAL.test(c.number))) {
      violations.push({
        code: 'HALAL_NUMBER_INVALID',
        rule: 'halal-number-format',
        message: 'a halal certificate number is "ID" followed by 17 digits',
      });
    }
  }
  return violations;
}
