/**
 * Who must know what: each cause (an event, or a scan finding something overdue) goes through the ordered, named
 * rules; every rule that applies gives one notice of its kind to the audiences it names. A notice is keyed by its
 * cause, so the same cause seen again (a redelivered or replayed event, the next scan) adds nothing.
 */

export const NOTICE_KINDS = [
  'PRODUCT_APPROVED',
  'PRODUCT_REFUSED',
  'CURATION_OVERDUE',
  'RECEIPT_DISCREPANCY',
  'LOT_NEAR_EXPIRY',
  'STATEMENT_ISSUED',
  'STATEMENT_UNPAID',
  'PNBP_NOT_DEPOSITED',
  'EXHIBITION_ENDING',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** People by role and scope: the UPT's staff, a Kanwil's curators, a venue's staff, a Kanwil's officers. */
export interface Audience {
  role: 'upt' | 'curator' | 'venue' | 'kanwil';
  scope: string;
}

/** How long each wait may last before someone is told (whole days). */
export const CURATION_OVERDUE_DAYS = 3;
export const STATEMENT_UNPAID_DAYS = 14;
export const PNBP_NOT_DEPOSITED_DAYS = 7;

export type Cause =
  | { type: 'product-approved'; productId: string; reviewId: string; uptCode: string; name: string }
  | { type: 'product-refused'; productId: string; reviewId: string; uptCode: string; name: string | null; reasons: string[] }
  | { type: 'curation-waiting'; productId: string; uptCode: string; kanwilCode: string | null; name: string | null; submittedAt: string }
  | {
      type: 'receipt-confirmed';
      dispatchId: string;
      agreementId: string;
      uptCode: string;
      venueCode: string;
      damaged: number;
      short: number;
    }
  | {
      type: 'lot-near-expiry';
      agreementId: string;
      productId: string;
      lotCode: string;
      expiryDate: string;
      daysLeft: number;
      quantity: number;
      uptCode: string;
      venueCode: string;
      proposedReturnId: string | null;
    }
  | { type: 'statement-issued'; statementId: string; period: string; proceeds: number; uptCode: string; venueCode: string }
  | { type: 'statement-unpaid'; statementId: string; period: string; issuedAt: string; venueCode: string; venueKanwilCode: string | null }
  | { type: 'statement-not-deposited'; statementId: string; period: string; paidAt: string; uptCode: string; uptKanwilCode: string | null }
  | { type: 'exhibition-ending'; exhibitionId: string; venueCode: string; name: string; endDate: string; uptCodes: string[] };

export interface NoticeDraft {
  kind: NoticeKind;
  /** The rule that decided it, kept with the notice. */
  rule: string;
  /** The cause's identity: with the person and kind, the notice's key. */
  causeKey: string;
  audiences: Audience[];
  /** What the notice is about, for its text and its link. */
  subject: Record<string, unknown>;
  /** Where the console opens it for each audience's role (a console path; none: the notice is all there is). */
  links: Partial<Record<Audience['role'], string>>;
}

interface NoticeRule<C extends Cause = Cause> {
  name: string;
  kind: NoticeKind;
  applies(cause: Cause): cause is C;
  draft(cause: C): Omit<NoticeDraft, 'kind' | 'rule'>;
}

function rule<T extends Cause['type'], C extends Extract<Cause, { type: T }>>(
  name: string,
  kind: NoticeKind,
  type: T,
  when: (cause: C) => boolean,
  draft: (cause: C) => Omit<NoticeDraft, 'kind' | 'rule'>,
): NoticeRule {
  return {
    name,
    kind,
    applies: (c: Cause): c is C => c.type === type && when(c as C),
    draft,
  };
}

const always = () => true;
const kanwil = (code: string | null): Audience[] => (code ? [{ role: 'kanwil', scope: code }] : []);

/** In order: the rules of every kind of notice. */
export const NOTICE_RULES: readonly NoticeRule[] = [
  rule('product approved: tell its UPT', 'PRODUCT_APPROVED', 'product-approved', always, (c) => ({
    causeKey: `review:${c.reviewId}`,
    audiences: [{ role: 'upt', scope: c.uptCode }],
    subject: { productId: c.productId, name: c.name },
    links: { upt: `/produk/${c.productId}` },
  })),
  rule('product refused: tell its UPT the rules and reasons', 'PRODUCT_REFUSED', 'product-refused', always, (c) => ({
    causeKey: `review:${c.reviewId}`,
    audiences: [{ role: 'upt', scope: c.uptCode }],
    subject: { productId: c.productId, name: c.name, reasons: c.reasons },
    links: { upt: `/produk/${c.productId}` },
  })),
  rule(
    'product waiting in curation over 3 days: tell the Kanwil curators',
    'CURATION_OVERDUE',
    'curation-waiting',
    (c) => c.kanwilCode !== null,
    (c) => ({
      causeKey: `submission:${c.productId}:${c.submittedAt}`,
      audiences: [{ role: 'curator', scope: c.kanwilCode! }],
      subject: { productId: c.productId, name: c.name, uptCode: c.uptCode, submittedAt: c.submittedAt },
      links: { curator: `/kurasi/${c.productId}` },
    }),
  ),
  rule(
    'receipt with damaged or short lines: tell the UPT',
    'RECEIPT_DISCREPANCY',
    'receipt-confirmed',
    (c) => c.damaged > 0 || c.short > 0,
    (c) => ({
      causeKey: `dispatch:${c.dispatchId}`,
      audiences: [{ role: 'upt', scope: c.uptCode }],
      subject: { dispatchId: c.dispatchId, venueCode: c.venueCode, damaged: c.damaged, short: c.short },
      links: { upt: '/pengiriman' },
    }),
  ),
  rule('lot near expiry: tell the UPT and the venue, with the proposed return', 'LOT_NEAR_EXPIRY', 'lot-near-expiry', always, (c) => ({
    causeKey: `lot:${c.agreementId}/${c.productId}/${c.lotCode}/${c.expiryDate}`,
    audiences: [
      { role: 'upt', scope: c.uptCode },
      { role: 'venue', scope: c.venueCode },
    ],
    subject: {
      agreementId: c.agreementId,
      productId: c.productId,
      lotCode: c.lotCode,
      expiryDate: c.expiryDate,
      daysLeft: c.daysLeft,
      quantity: c.quantity,
      proposedReturnId: c.proposedReturnId,
    },
    // the venue sees its near-expiry lots; the UPT confirms the proposed return from the notice itself (the
    // console's inbox calls consignment's POST /proposed-returns/:id/confirm), then follows it among its returns
    links: { venue: '/kedaluwarsa', upt: '/retur-masuk' },
  })),
  rule('statement issued: tell the venue and the UPT', 'STATEMENT_ISSUED', 'statement-issued', always, (c) => ({
    causeKey: `statement:${c.statementId}`,
    audiences: [
      { role: 'venue', scope: c.venueCode },
      { role: 'upt', scope: c.uptCode },
    ],
    subject: { statementId: c.statementId, period: c.period, proceeds: c.proceeds, uptCode: c.uptCode },
    links: { venue: '/akhir-bulan', upt: '/penyelesaian' },
  })),
  rule('statement unpaid after 14 days: tell the venue and its Kanwil', 'STATEMENT_UNPAID', 'statement-unpaid', always, (c) => ({
    causeKey: `statement:${c.statementId}`,
    audiences: [{ role: 'venue', scope: c.venueCode }, ...kanwil(c.venueKanwilCode)],
    subject: { statementId: c.statementId, period: c.period, issuedAt: c.issuedAt },
    links: { venue: '/akhir-bulan', kanwil: '/dasbor/tagihan' },
  })),
  rule(
    'paid statement not deposited as PNBP after 7 days: tell the UPT and its Kanwil',
    'PNBP_NOT_DEPOSITED',
    'statement-not-deposited',
    always,
    (c) => ({
      causeKey: `statement:${c.statementId}`,
      audiences: [{ role: 'upt', scope: c.uptCode }, ...kanwil(c.uptKanwilCode)],
      subject: { statementId: c.statementId, period: c.period, paidAt: c.paidAt },
      links: { upt: '/penyelesaian', kanwil: '/dasbor/pnbp' },
    }),
  ),
  rule(
    'exhibition ending tomorrow: tell its UPTs',
    'EXHIBITION_ENDING',
    'exhibition-ending',
    (c) => c.uptCodes.length > 0,
    (c) => ({
      causeKey: `exhibition:${c.exhibitionId}`,
      audiences: c.uptCodes.map((scope) => ({ role: 'upt' as const, scope })),
      subject: { venueCode: c.venueCode, name: c.name, endDate: c.endDate },
      links: {},
    }),
  ),
];

/** Every notice the cause calls for, in rule order (none when no rule applies). */
export function decideNotices(cause: Cause, rules: readonly NoticeRule[] = NOTICE_RULES): NoticeDraft[] {
  return rules.filter((r) => r.applies(cause)).map((r) => ({ kind: r.kind, rule: r.name, ...r.draft(cause) }));
}

/** The moment before which a wait of `days` is overdue at `now`. */
export function overdueBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
