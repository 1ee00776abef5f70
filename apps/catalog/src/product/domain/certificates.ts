/** Certificates a product can carry, with the number formats of docs/reference-data.md. */
export const CERTIFICATE_KINDS = ['PIRT', 'BPOM_MD', 'HALAL'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface Certificate {
  kind: CertificateKind;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/** What a number may look like at the edge; the approval rules check the substance. */
export const CERTIFICATE_NUMBER_FORMAT: Record<CertificateKind, RegExp> = {
  // "P-IRT No. 2063671010123-29", or just the digits and dashes
  PIRT: /^(P-IRT\s*(No\.?)?\s*)?\d[\d-]{6,40}$/,
  BPOM_MD: /^MD\s?\d{12}$/,
  HALAL: /^ID\d{17}$/,
};

export function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}

/** P-IRT numbers have at least 15 digits (the first names the packaging type). */
export const PIRT_MIN_DIGITS = 15;
/** A P-IRT is valid for 5 years from issue. */
export const PIRT_VALID_YEARS = 5;
