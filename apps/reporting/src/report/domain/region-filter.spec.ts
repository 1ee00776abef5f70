import type { Actor } from '@titipan/contracts';
import { DomainError } from '@titipan/kernel';
import { assertRegionFilter, type RegionFacts, type RegionFilter } from './region-filter';

const actor = (role: Actor['role'], scope: string | null = null): Actor => ({ id: `${role}-1`, role, scope });
const facts = (over: Partial<RegionFacts> = {}): RegionFacts => ({ uptKanwil: null, ownKanwil: null, sharesAgreement: false, ...over });
const refusal = (who: Actor, filter: RegionFilter, known: RegionFacts) => {
  try {
    assertRegionFilter({ actor: who, filter, facts: known });
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? [error.kind, error.code, error.details.field] : error;
  }
};

describe('region filters of the reports', () => {
  it('let national roles name any Kanwil or UPT', () => {
    expect(refusal(actor('ministry'), { kanwil: 'KW-DKI' }, facts())).toBeUndefined();
    expect(refusal(actor('admin'), { upt: 'LPP-TGR' }, facts({ uptKanwil: 'KW-BANTEN' }))).toBeUndefined();
  });

  it('refuse a UPT outside the Kanwil named beside it, for everyone, before the scope', () => {
    expect(refusal(actor('ministry'), { kanwil: 'KW-DKI', upt: 'LPP-TGR' }, facts({ uptKanwil: 'KW-BANTEN' }))).toEqual([
      'validation',
      'REGION_MISMATCH',
      'upt',
    ]);
    expect(refusal(actor('upt', 'LPP-TGR'), { kanwil: 'KW-DKI', upt: 'LPP-TGR' }, facts({ uptKanwil: 'KW-BANTEN' }))).toEqual([
      'validation',
      'REGION_MISMATCH',
      'upt',
    ]);
  });

  it("let a Kanwil name itself and its UPTs, but not another Kanwil or that Kanwil's UPTs", () => {
    const banten = actor('kanwil', 'KW-BANTEN');
    const own = { ownKanwil: 'KW-BANTEN' };
    expect(refusal(banten, { kanwil: 'KW-BANTEN' }, facts(own))).toBeUndefined();
    expect(refusal(banten, { upt: 'LPP-TGR' }, facts({ ...own, uptKanwil: 'KW-BANTEN' }))).toBeUndefined();
    expect(refusal(banten, { kanwil: 'KW-DKI' }, facts(own))).toEqual(['forbidden', 'SCOPE_FORBIDDEN', 'kanwil']);
    expect(refusal(banten, { upt: 'LP-CIPINANG' }, facts({ ...own, uptKanwil: 'KW-DKI' }))).toEqual([
      'forbidden',
      'SCOPE_FORBIDDEN',
      'upt',
    ]);
    expect(refusal(actor('curator', 'KW-BANTEN'), { kanwil: 'KW-DKI' }, facts(own))).toEqual(['forbidden', 'SCOPE_FORBIDDEN', 'kanwil']);
  });

  it("let a Kanwil drill into another Kanwil's UPT that sells at its venues (its rollup shows that row)", () => {
    const shared = facts({ ownKanwil: 'KW-BANTEN', uptKanwil: 'KW-DKI', sharesAgreement: true });
    expect(refusal(actor('kanwil', 'KW-BANTEN'), { upt: 'LP-CIPINANG' }, shared)).toBeUndefined();
    expect(refusal(actor('kanwil', 'KW-BANTEN'), { kanwil: 'KW-DKI' }, shared)).toBeUndefined();
  });

  it('let a UPT name itself and its Kanwil only', () => {
    const tangerang = actor('upt', 'LPP-TGR');
    const own = { ownKanwil: 'KW-BANTEN' };
    expect(
      refusal(tangerang, { upt: 'LPP-TGR', kanwil: 'KW-BANTEN' }, facts({ ...own, uptKanwil: 'KW-BANTEN', sharesAgreement: true })),
    ).toBeUndefined();
    expect(refusal(tangerang, { kanwil: 'KW-BANTEN' }, facts(own))).toBeUndefined();
    expect(refusal(tangerang, { upt: 'LP-CIPINANG' }, facts({ ...own, uptKanwil: 'KW-DKI' }))).toEqual([
      'forbidden',
      'SCOPE_FORBIDDEN',
      'upt',
    ]);
    expect(refusal(tangerang, { kanwil: 'KW-DKI' }, facts(own))).toEqual(['forbidden', 'SCOPE_FORBIDDEN', 'kanwil']);
  });

  it('let a venue name its own Kanwil, and a UPT or Kanwil only when one of its agreements lies there', () => {
    const lounge = actor('venue', 'IMI-TGR-LOUNGE');
    expect(refusal(lounge, { kanwil: 'KW-BANTEN' }, facts({ ownKanwil: 'KW-BANTEN' }))).toBeUndefined();
    expect(refusal(lounge, { upt: 'LPP-TGR' }, facts({ ownKanwil: 'KW-BANTEN', sharesAgreement: true }))).toBeUndefined();
    expect(refusal(lounge, { upt: 'LP-CIPINANG' }, facts({ ownKanwil: 'KW-BANTEN', uptKanwil: 'KW-DKI' }))).toEqual([
      'forbidden',
      'SCOPE_FORBIDDEN',
      'upt',
    ]);
  });
});
