import {
  ACTIVATION_RULES,
  activationRefusal,
  CREATION_RULES,
  creationRefusal,
  PRICE_CHANGE_RULES,
  priceChangeRefusal,
  TRANSITION_RULES,
  transitionRefusal,
  type AgreementDraft,
} from './agreement-rules';

const draft = (change: Partial<AgreementDraft> = {}): AgreementDraft => ({
  uptCode: 'LP-TGR-1',
  venueCode: 'IMI-TGR-LOUNGE',
  validFrom: '2026-11-01',
  validTo: '2027-10-31',
  venueKnown: true,
  uptKnown: true,
  ...change,
});

describe('agreement rules', () => {
  it('applies the rules of each decision in order', () => {
    expect(CREATION_RULES.map((rule) => rule.name)).toEqual(['validityInOrder', 'venueKnown', 'uptKnown']);
    expect(TRANSITION_RULES.map((rule) => rule.name)).toEqual(['inStatusToLeave']);
    expect(ACTIVATION_RULES.map((rule) => rule.name)).toEqual(['onlyActiveAtVenue']);
    expect(PRICE_CHANGE_RULES.map((rule) => rule.name)).toEqual(['notTerminated']);
  });

  it('creates an agreement with a known venue and UPT, open-ended or not', () => {
    expect(creationRefusal(draft())).toBeUndefined();
    expect(creationRefusal(draft({ validTo: undefined }))).toBeUndefined();
    expect(creationRefusal(draft({ validTo: '2026-11-01' }))).toBeUndefined();
  });

  it('VALIDITY_REVERSED: refuses an agreement ending before it starts, before looking at venue or UPT', () => {
    expect(creationRefusal(draft({ validTo: '2026-10-31', venueKnown: false }))).toEqual({
      code: 'VALIDITY_REVERSED',
      message: 'validTo is before validFrom',
      details: { field: 'validTo' },
    });
  });

  it('VENUE_UNKNOWN: refuses an unregistered venue', () => {
    expect(creationRefusal(draft({ venueKnown: false, uptKnown: false }))).toEqual({
      code: 'VENUE_UNKNOWN',
      message: 'venue IMI-TGR-LOUNGE is not registered',
      details: { field: 'venueCode' },
    });
  });

  it('UPT_UNKNOWN: refuses a UPT catalog has not announced', () => {
    expect(creationRefusal(draft({ uptKnown: false }))).toEqual({
      code: 'UPT_UNKNOWN',
      message: 'UPT LP-TGR-1 is not known (from catalog.events)',
      details: { field: 'uptCode' },
    });
  });

  it('ILLEGAL_TRANSITION: refuses a change from a status the agreement is not in, passes from the one it is in', () => {
    expect(transitionRefusal({ agreement: { status: 'DRAFT' }, from: 'DRAFT' })).toBeUndefined();
    expect(transitionRefusal({ agreement: { status: 'ACTIVE' }, from: 'ACTIVE' })).toBeUndefined();
    expect(transitionRefusal({ agreement: { status: 'TERMINATED' }, from: 'ACTIVE' })).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'the agreement is TERMINATED, not ACTIVE',
      details: { current: 'TERMINATED', expected: 'ACTIVE' },
    });
  });

  it('AGREEMENT_EXISTS: refuses a second active agreement of the UPT at the venue, passes the first', () => {
    const agreement = { uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE' };
    expect(activationRefusal({ agreement, otherActive: false })).toBeUndefined();
    expect(activationRefusal({ agreement, otherActive: true })).toEqual({
      code: 'AGREEMENT_EXISTS',
      message: 'LP-TGR-1 already has an active agreement at IMI-TGR-LOUNGE',
      details: { uptCode: 'LP-TGR-1', venueCode: 'IMI-TGR-LOUNGE' },
    });
  });

  it('AGREEMENT_TERMINATED: refuses new prices on a terminated agreement, passes draft and active ones', () => {
    expect(priceChangeRefusal({ status: 'DRAFT' })).toBeUndefined();
    expect(priceChangeRefusal({ status: 'ACTIVE' })).toBeUndefined();
    expect(priceChangeRefusal({ status: 'TERMINATED' })).toEqual({
      code: 'AGREEMENT_TERMINATED',
      message: 'a terminated agreement does not change',
      details: { current: 'TERMINATED' },
    });
  });
});
