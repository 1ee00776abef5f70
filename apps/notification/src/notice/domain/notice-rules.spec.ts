import { decideNotices, NOTICE_RULES, overdueBefore, type Cause } from './notice-rules';

const audiences = (cause: Cause) => decideNotices(cause).map((n) => ({ kind: n.kind, causeKey: n.causeKey, audiences: n.audiences }));

describe('notice rules: who gets what', () => {
  it('an approval goes to the product UPT only, keyed by its review', () => {
    expect(audiences({ type: 'product-approved', productId: 'p1', reviewId: 'r1', uptCode: 'LPP-TGR', name: 'Batik' })).toEqual([
      { kind: 'PRODUCT_APPROVED', causeKey: 'review:r1', audiences: [{ role: 'upt', scope: 'LPP-TGR' }] },
    ]);
  });

  it('a refusal carries its reasons to the UPT', () => {
    const [notice] = decideNotices({
      type: 'product-refused',
      productId: 'p1',
      reviewId: 'r2',
      uptCode: 'LPP-TGR',
      name: null,
      reasons: ['NO_HALAL'],
    });
    expect(notice).toMatchObject({
      kind: 'PRODUCT_REFUSED',
      audiences: [{ role: 'upt', scope: 'LPP-TGR' }],
      subject: { reasons: ['NO_HALAL'] },
    });
    expect(notice.rule).toBe('product refused: tell its UPT the rules and reasons');
  });

  it('a product waiting over 3 days goes to the curators of the UPT Kanwil; a resubmission is a new cause', () => {
    const waiting = { type: 'curation-waiting', productId: 'p1', uptCode: 'LPP-TGR', kanwilCode: 'KW-BANTEN', name: 'Batik' } as const;
    const first = decideNotices({ ...waiting, submittedAt: '2026-11-01T00:00:00Z' });
    const again = decideNotices({ ...waiting, submittedAt: '2026-11-10T00:00:00Z' });
    expect(first[0].audiences).toEqual([{ role: 'curator', scope: 'KW-BANTEN' }]);
    expect(first[0].causeKey).not.toBe(again[0].causeKey);
    expect(decideNotices({ ...waiting, kanwilCode: null, submittedAt: '2026-11-01T00:00:00Z' })).toEqual([]);
  });

  it('a receipt tells the UPT only when lines were damaged or short', () => {
    const receipt = { type: 'receipt-confirmed', dispatchId: 'd1', agreementId: 'a1', uptCode: 'LPP-TGR', venueCode: 'IMI-TGR' } as const;
    expect(decideNotices({ ...receipt, damaged: 0, short: 0 })).toEqual([]);
    expect(audiences({ ...receipt, damaged: 1, short: 0 })).toEqual([
      { kind: 'RECEIPT_DISCREPANCY', causeKey: 'dispatch:d1', audiences: [{ role: 'upt', scope: 'LPP-TGR' }] },
    ]);
    expect(decideNotices({ ...receipt, damaged: 0, short: 2 })).toHaveLength(1);
  });

  it('a lot near expiry goes to the UPT and the venue, linking to the proposed return when there is one', () => {
    const lot = {
      type: 'lot-near-expiry',
      agreementId: 'a1',
      productId: 'p1',
      lotCode: 'L1',
      expiryDate: '2026-12-10',
      daysLeft: 10,
      quantity: 4,
      uptCode: 'LPP-TGR',
      venueCode: 'IMI-TGR',
    } as const;
    const [withReturn] = decideNotices({ ...lot, proposedReturnId: 'ret-1' });
    expect(withReturn.audiences).toEqual([
      { role: 'upt', scope: 'LPP-TGR' },
      { role: 'venue', scope: 'IMI-TGR' },
    ]);
    expect(withReturn.subject.proposedReturnId).toBe('ret-1');
    expect(withReturn.links).toEqual({ venue: '/kedaluwarsa', upt: '/retur-masuk' });
    expect(decideNotices({ ...lot, proposedReturnId: null })[0].subject.proposedReturnId).toBeNull();
  });

  it('statements: issued to venue and UPT; unpaid to the venue and its Kanwil; not deposited to the UPT and its Kanwil', () => {
    expect(
      audiences({ type: 'statement-issued', statementId: 's1', period: '2026-11', proceeds: 10, uptCode: 'U', venueCode: 'V' })[0]
        .audiences,
    ).toEqual([
      { role: 'venue', scope: 'V' },
      { role: 'upt', scope: 'U' },
    ]);
    expect(
      audiences({
        type: 'statement-unpaid',
        statementId: 's1',
        period: '2026-11',
        issuedAt: '2026-12-01',
        venueCode: 'V',
        venueKanwilCode: 'KV',
      })[0].audiences,
    ).toEqual([
      { role: 'venue', scope: 'V' },
      { role: 'kanwil', scope: 'KV' },
    ]);
    expect(
      audiences({
        type: 'statement-not-deposited',
        statementId: 's1',
        period: '2026-11',
        paidAt: '2026-12-01',
        uptCode: 'U',
        uptKanwilCode: 'KU',
      })[0].audiences,
    ).toEqual([
      { role: 'upt', scope: 'U' },
      { role: 'kanwil', scope: 'KU' },
    ]);
  });

  it('an exhibition ending tomorrow goes to each of its UPTs, once per exhibition', () => {
    expect(
      audiences({
        type: 'exhibition-ending',
        exhibitionId: 'e1',
        venueCode: 'PIPAS-2026',
        name: 'PIPAS Banten',
        endDate: '2026-12-03',
        uptCodes: ['A', 'B'],
      })[0].audiences,
    ).toEqual([
      { role: 'upt', scope: 'A' },
      { role: 'upt', scope: 'B' },
    ]);
    const [ending] = decideNotices({
      type: 'exhibition-ending',
      exhibitionId: 'e1',
      venueCode: 'V',
      name: 'N',
      endDate: '2026-12-03',
      uptCodes: ['A'],
    });
    expect(ending.causeKey).toBe('exhibition:e1');
  });

  it('links each audience to a page of its own role (the console has no page of another role)', () => {
    const [issued] = decideNotices({
      type: 'statement-issued',
      statementId: 's1',
      period: '2026-11',
      proceeds: 10,
      uptCode: 'U',
      venueCode: 'V',
    });
    expect(issued.links).toEqual({ venue: '/akhir-bulan', upt: '/penyelesaian' });
    for (const cause of [
      { type: 'statement-unpaid', statementId: 's1', period: '2026-11', issuedAt: '2026-12-01', venueCode: 'V', venueKanwilCode: 'KV' },
      { type: 'statement-not-deposited', statementId: 's1', period: '2026-11', paidAt: '2026-12-01', uptCode: 'U', uptKanwilCode: 'KU' },
    ] as const) {
      const [notice] = decideNotices(cause);
      expect(Object.keys(notice.links).sort()).toEqual(notice.audiences.map((a) => a.role).sort());
    }
  });

  it('every kind of cause has a rule, each rule a unique name', () => {
    expect(new Set(NOTICE_RULES.map((r) => r.name)).size).toBe(NOTICE_RULES.length);
    expect(new Set(NOTICE_RULES.map((r) => r.kind)).size).toBe(NOTICE_RULES.length);
  });

  it('a wait is overdue from whole days before now', () => {
    expect(overdueBefore(new Date('2026-11-30T12:00:00Z'), 3).toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });
});
