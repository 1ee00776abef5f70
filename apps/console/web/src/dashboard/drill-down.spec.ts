import { canDrill, crumbs, drillInto, drillStart, regroup, rollupParams } from './drill-down';

describe('the rollup drill-down', () => {
  it('goes from the nation by Kanwil to a Kanwil by UPT to a UPT by product, and no deeper', () => {
    const nation = drillStart({});
    expect(nation).toEqual({ by: 'kanwil' });
    const banten = drillInto(nation, 'KW-BANTEN');
    expect(banten).toEqual({ by: 'upt', kanwil: 'KW-BANTEN' });
    const tangerang = drillInto(banten, 'LP-TGR-1');
    expect(tangerang).toEqual({ by: 'product', kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' });
    expect(canDrill(tangerang)).toBe(false);
    expect(drillInto(tangerang, 'SKU-1')).toBe(tangerang);
    expect(canDrill(regroup(banten, 'venue'))).toBe(false);
  });

  it('starts at the region filter', () => {
    expect(drillStart({ kanwil: 'KW-BANTEN' })).toEqual({ by: 'upt', kanwil: 'KW-BANTEN' });
    expect(drillStart({ kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' })).toEqual({ by: 'product', kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' });
  });

  it('leads the breadcrumb back up, never above a fixed Kanwil', () => {
    const state = { by: 'product' as const, kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' };
    expect(crumbs(state)).toEqual([
      { label: null, state: { by: 'kanwil' } },
      { label: 'KW-BANTEN', state: { by: 'upt', kanwil: 'KW-BANTEN' } },
      { label: 'LP-TGR-1', state },
    ]);
    expect(crumbs(state, 'KW-BANTEN').map((c) => c.label)).toEqual(['KW-BANTEN', 'LP-TGR-1']);
    expect(crumbs({ by: 'venue' }).map((c) => c.label)).toEqual([null]);
  });

  it('asks the rollup for the narrowest region', () => {
    expect(rollupParams({ by: 'kanwil' }, '2026-10')).toEqual({ period: '2026-10', by: 'kanwil' });
    expect(rollupParams({ by: 'upt', kanwil: 'KW-BANTEN' }, '2026-10')).toEqual({ period: '2026-10', by: 'upt', kanwil: 'KW-BANTEN' });
    expect(rollupParams({ by: 'product', kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' }, '2026-10')).toEqual({
      period: '2026-10',
      by: 'product',
      upt: 'LP-TGR-1',
    });
  });
});
