import { allRefusals, firstRefusal, refuse, type ErrorKind, type Rule } from '@titipan/kernel';
import type { ProductCategory } from '@titipan/contracts';
import { addYears, jakartaDate } from './calendar';
import {
  CERTIFICATE_NUMBER_FORMAT,
  digitsOf,
  PIRT_MIN_DIGITS,
  PIRT_VALID_YEARS,
  type Certificate,
  type CertificateKind,
} from './certificates';

export interface ComplianceFacts {
  category: ProductCategory;
  shelfLifeDays: number | null;
  certificates: Certificate[];
}

/** Every reason the curation gates can refuse an approval or reinstatement. */
export type ApprovalRefusalCode =
  | 'IZIN_EDAR_REQUIRED'
  | 'BPOM_NUMBER_INVALID'
  | 'PIRT_NUMBER_TOO_SHORT'
  | 'PIRT_EXPIRED'
  | 'PIRT_SHELF_LIFE_TOO_SHORT'
  | 'HALAL_REQUIRED'
  | 'HALAL_NUMBER_INVALID';

/** Every approval refusal is a broken rule (422). */
export const APPROVAL_REFUSAL_KIND: Record<ApprovalRefusalCode, ErrorKind> = {
  IZIN_EDAR_REQUIRED: 'rule',
  BPOM_NUMBER_INVALID: 'rule',
  PIRT_NUMBER_TOO_SHORT: 'rule',
  PIRT_EXPIRED: 'rule',
  PIRT_SHELF_LIFE_TOO_SHORT: 'rule',
  HALAL_REQUIRED: 'rule',
  HALAL_NUMBER_INVALID: 'rule',
};

/** The name each code's rule is published under (a refusal's details.rule; docs and the demo quote them). */
const APPROVAL_RULE_NAME: Record<ApprovalRefusalCode, string> = {
  IZIN_EDAR_REQUIRED: 'food-beverage-izin-edar',
  BPOM_NUMBER_INVALID: 'bpom-md-format',
  PIRT_NUMBER_TOO_SHORT: 'pirt-number-format',
  PIRT_EXPIRED: 'pirt-valid-5-years',
  PIRT_SHELF_LIFE_TOO_SHORT: 'pirt-shelf-life-over-7-days',
  HALAL_REQUIRED: 'halal-from-2026-10-17',
  HALAL_NUMBER_INVALID: 'halal-number-format',
};

/** One failed rule: a stable code for machines, the rule's name and a sentence (with the figures) for people. */
export interface RuleViolation {
  code: ApprovalRefusalCode;
  rule: string;
  message: string;
}

/** PP 42/2024: micro and small food and drink need a halal certificate from this date (WIB). */
export const HALAL_MANDATORY_FROM = '2026-10-17';
/** P-IRT covers only food that keeps longer than this. */
export const PIRT_MIN_SHELF_LIFE_DAYS = 7;

/** Food and beverage need an izin edar, and from HALAL_MANDATORY_FROM a halal certificate. */
const isFoodOrBeverage = (category: ProductCategory) => category === 'food' || category === 'beverage';
const ofKind = (facts: ComplianceFacts, kind: CertificateKind) => facts.certificates.filter((c) => c.kind === kind);
const hasValidNumber = (certificates: Certificate[], kind: CertificateKind) =>
  certificates.some((c) => CERTIFICATE_NUMBER_FORMAT[kind].test(c.number));

/** Shelf life of a day or less: the product can be listed but not placed on consignment. */
export function isConsignable(shelfLifeDays: number | null): boolean {
  return shelfLifeDays === null || shelfLifeDays > 1;
}

interface ProductOnDay {
  facts: ComplianceFacts;
  /** YYYY-MM-DD in WIB */
  day: string;
}

interface PirtOnDay extends ProductOnDay {
  pirt: Certificate;
}

const pirtNumberFormat: Rule<PirtOnDay, ApprovalRefusalCode> = ({ pirt }) =>
  digitsOf(pirt.number).length < PIRT_MIN_DIGITS
    ? { code: 'PIRT_NUMBER_TOO_SHORT', message: `P-IRT ${pirt.number} has fewer than ${PIRT_MIN_DIGITS} digits` }
    : undefined;

const pirtValid5Years: Rule<PirtOnDay, ApprovalRefusalCode> = ({ pirt, day }) => {
  const expiresOn = addYears(pirt.issuedOn, PIRT_VALID_YEARS);
  return day >= expiresOn
    ? { code: 'PIRT_EXPIRED', message: `P-IRT ${pirt.number} issued ${pirt.issuedOn} expired on ${expiresOn}` }
    : undefined;
};

const pirtShelfLifeOver7Days: Rule<PirtOnDay, ApprovalRefusalCode> = ({ facts }) =>
  facts.shelfLifeDays !== null && facts.shelfLifeDays <= PIRT_MIN_SHELF_LIFE_DAYS
    ? {
        code: 'PIRT_SHELF_LIFE_TOO_SHORT',
        message: `P-IRT covers only shelf life over ${PIRT_MIN_SHELF_LIFE_DAYS} days; this product keeps ${facts.shelfLifeDays}`,
      }
    : undefined;

/** What one P-IRT must satisfy to cover the product; one P-IRT that passes them all is enough. */
const PIRT_RULES = [pirtNumberFormat, pirtValid5Years, pirtShelfLifeOver7Days];

const bpomMdFormat: Rule<ProductOnDay, ApprovalRefusalCode> = ({ facts }) => {
  const bpom = ofKind(facts, 'BPOM_MD');
  return bpom.length > 0 && !hasValidNumber(bpom, 'BPOM_MD')
    ? { code: 'BPOM_NUMBER_INVALID', message: 'a BPOM number is "MD" followed by 12 digits' }
    : undefined;
};

const foodBeverageIzinEdar: Rule<ProductOnDay, ApprovalRefusalCode> = ({ facts }) =>
  ofKind(facts, 'BPOM_MD').length === 0 && ofKind(facts, 'PIRT').length === 0
    ? { code: 'IZIN_EDAR_REQUIRED', message: 'food and beverage need a P-IRT or BPOM MD number' }
    : undefined;

/** What the product's certificates as a whole must satisfy for an izin edar (the P-IRT rules come after these). */
const PERMIT_RULES = [bpomMdFormat, foodBeverageIzinEdar];

const halalFrom20261017: Rule<ProductOnDay, ApprovalRefusalCode> = ({ facts, day }) =>
  isFoodOrBeverage(facts.category) && day >= HALAL_MANDATORY_FROM && ofKind(facts, 'HALAL').length === 0
    ? { code: 'HALAL_REQUIRED', message: `food and beverage approved from ${HALAL_MANDATORY_FROM} need a halal certificate` }
    : undefined;

const halalNumberFormat: Rule<ProductOnDay, ApprovalRefusalCode> = ({ facts, day }) => {
  const halal = ofKind(facts, 'HALAL');
  return isFoodOrBeverage(facts.category) && day >= HALAL_MANDATORY_FROM && halal.length > 0 && !hasValidNumber(halal, 'HALAL')
    ? { code: 'HALAL_NUMBER_INVALID', message: 'a halal certificate number is "ID" followed by 17 digits' }
    : undefined;
};

/** Halal certification, checked on approval and reinstatement but not by the expiry check. */
const HALAL_RULES = [halalFrom20261017, halalNumberFormat];

/** Every rule of the list that the facts fail, in the list's order, each named. */
function violationsOf<Facts>(rules: readonly Rule<Facts, ApprovalRefusalCode>[], facts: Facts): RuleViolation[] {
  return allRefusals(rules, facts).map(({ code, message }) => ({ code, rule: APPROVAL_RULE_NAME[code], message }));
}

/**
 * The distribution permit (izin edar) of food and beverage on a given day: a BPOM MD number, or a P-IRT
 * that has at least 15 digits, was issued less than 5 years before, and covers the product's shelf life.
 * Also what the expiry check re-runs on approved products.
 */
export function izinEdarViolations(facts: ComplianceFacts, day: string): RuleViolation[] {
  if (!isFoodOrBeverage(facts.category) || hasValidNumber(ofKind(facts, 'BPOM_MD'), 'BPOM_MD')) return [];
  const pirts = ofKind(facts, 'PIRT');
  if (pirts.some((pirt) => firstRefusal(PIRT_RULES, { facts, day, pirt }) === undefined)) return [];
  return [...violationsOf(PERMIT_RULES, { facts, day }), ...pirts.flatMap((pirt) => violationsOf(PIRT_RULES, { facts, day, pirt }))];
}

/** Every rule a product fails to be approved (or reinstated) at the given time; empty when it passes. */
export function approvalViolations(facts: ComplianceFacts, at: Date): RuleViolation[] {
  const day = jakartaDate(at);
  return [...izinEdarViolations(facts, day), ...violationsOf(HALAL_RULES, { facts, day })];
}

/** Refuses an approval or reinstatement with the first failed rule's code, naming every failed rule. */
export function assertApprovable(facts: ComplianceFacts, at: Date): void {
  const violations = approvalViolations(facts, at);
  if (violations.length === 0) return;
  const [first] = violations;
  const message = violations.map((v) => v.message).join('; ');
  refuse({ code: first.code, message, details: { rule: first.rule, violations } }, APPROVAL_REFUSAL_KIND);
}

/** What a failed rule does: every rule today refuses the approval (and a reinstatement). */
export type VerdictSeverity = 'blocking' | 'warning';

/** One rule's verdict on a product, shown to the curator before the decision. */
export interface ComplianceVerdict {
  rule: string;
  passed: boolean;
  severity: VerdictSeverity;
  message: string;
}

/** Every approval rule, in the order a curator reads them: the izin edar, the P-IRT's, then halal. */
const VERDICT_ORDER: readonly ApprovalRefusalCode[] = [
  'IZIN_EDAR_REQUIRED',
  'BPOM_NUMBER_INVALID',
  'PIRT_NUMBER_TOO_SHORT',
  'PIRT_EXPIRED',
  'PIRT_SHELF_LIFE_TOO_SHORT',
  'HALAL_REQUIRED',
  'HALAL_NUMBER_INVALID',
];

/** What a passed rule says when it applies to the product. */
const PASSED_MESSAGE: Record<ApprovalRefusalCode, string> = {
  IZIN_EDAR_REQUIRED: 'a P-IRT or BPOM MD number is on record',
  BPOM_NUMBER_INVALID: 'the BPOM number is "MD" followed by 12 digits',
  PIRT_NUMBER_TOO_SHORT: `the P-IRT number has at least ${PIRT_MIN_DIGITS} digits`,
  PIRT_EXPIRED: `the P-IRT was issued less than ${PIRT_VALID_YEARS} years ago`,
  PIRT_SHELF_LIFE_TOO_SHORT: `the product keeps longer than ${PIRT_MIN_SHELF_LIFE_DAYS} days, as P-IRT requires`,
  HALAL_REQUIRED: 'a halal certificate is on record',
  HALAL_NUMBER_INVALID: 'the halal certificate number is "ID" followed by 17 digits',
};

const PIRT_CODES: readonly ApprovalRefusalCode[] = ['PIRT_NUMBER_TOO_SHORT', 'PIRT_EXPIRED', 'PIRT_SHELF_LIFE_TOO_SHORT'];
const HALAL_CODES: readonly ApprovalRefusalCode[] = ['HALAL_REQUIRED', 'HALAL_NUMBER_INVALID'];

/** Why a rule does not apply to the product on the day, or undefined when it does. */
function notApplicable(code: ApprovalRefusalCode, { facts, day }: ProductOnDay): string | undefined {
  if (!isFoodOrBeverage(facts.category)) return `does not apply to ${facts.category}: only food and beverage need it`;
  if (HALAL_CODES.includes(code) && day < HALAL_MANDATORY_FROM) return `does not apply before ${HALAL_MANDATORY_FROM}`;
  if (code === 'HALAL_NUMBER_INVALID' && ofKind(facts, 'HALAL').length === 0) return 'no halal certificate on record';
  if (code === 'BPOM_NUMBER_INVALID' && ofKind(facts, 'BPOM_MD').length === 0) return 'no BPOM MD number on record';
  if (PIRT_CODES.includes(code) && hasValidNumber(ofKind(facts, 'BPOM_MD'), 'BPOM_MD')) return 'the BPOM MD number is the izin edar';
  if (PIRT_CODES.includes(code) && ofKind(facts, 'PIRT').length === 0) return 'no P-IRT on record';
  return undefined;
}

/**
 * Every approval rule's verdict on the product at the given time, passed or not, from the same rules an approval
 * runs (a product whose verdicts all pass is approvable, and the other way round).
 */
export function complianceVerdicts(facts: ComplianceFacts, at: Date): ComplianceVerdict[] {
  const day = jakartaDate(at);
  const violations = approvalViolations(facts, at);
  return VERDICT_ORDER.map((code) => {
    const failed = violations.filter((v) => v.code === code);
    const rule = APPROVAL_RULE_NAME[code];
    if (failed.length > 0) return { rule, passed: false, severity: 'blocking', message: failed.map((v) => v.message).join('; ') };
    return { rule, passed: true, severity: 'blocking', message: notApplicable(code, { facts, day }) ?? PASSED_MESSAGE[code] };
  });
}
