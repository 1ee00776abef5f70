import { history, percentToBasisPoints, policiesByScope, sharesOf } from './policy';

describe('split policy input', () => {
  it('reads percent typed the Indonesian or the English way', () => {
    expect(['15', '15,5', '15.25', '100', '0'].map(percentToBasisPoints)).toEqual([1500, 1550, 1525, 10_000, 0]);
    expect(['', 'x', '1,234', '-5', '15%'].map(percentToBasisPoints)).toEqual([NaN, NaN, NaN, NaN, NaN]);
  });

  it('needs every share with its legal reference and the whole of the proceeds', () => {
    const ok = sharesOf([
      { name: 'PNBP', percent: '15', legalReference: ' Kepmen M.01-PP.02.01/1990 ' },
      { name: 'PREMI', percent: '50', legalReference: 'PP 32/1999 pasal 29' },
      { name: 'CAPITAL', percent: '35', legalReference: 'Kepmen M.01-PP.02.01/1990' },
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.shares[0]).toEqual({ name: 'PNBP', basisPoints: 1500, legalReference: 'Kepmen M.01-PP.02.01/1990' });
    const bad = sharesOf([
      { name: 'PNBP', percent: '15', legalReference: '' },
      { name: 'PREMI', percent: '50', legalReference: 'PP 32/1999' },
      { name: 'CAPITAL', percent: '', legalReference: '' },
    ]);
    expect(bad.shares).toHaveLength(2);
    expect(bad.sum).toBe(6500);
    expect(bad.problems).toEqual([{ name: 'PNBP', problem: 'legalReference' }, { problem: 'notWhole' }]);
    expect(sharesOf([{ name: 'PNBP', percent: 'abc', legalReference: 'x' }]).problems).toEqual([{ name: 'PNBP', problem: 'percent' }]);
  });
});

describe('effective-dated history', () => {
  const entries = [{ effectiveFrom: '2026-01-01' }, { effectiveFrom: '2027-01-01' }, { effectiveFrom: '2026-07-01' }];

  it('lists newest first and marks the one in effect on the day, and those not yet', () => {
    expect(history(entries, '2026-11-30').map((h) => [h.entry.effectiveFrom, h.inEffect, h.future])).toEqual([
      ['2027-01-01', false, true],
      ['2026-07-01', true, false],
      ['2026-01-01', false, false],
    ]);
    expect(history(entries, '2025-12-31').some((h) => h.inEffect)).toBe(false);
  });

  it('groups split policies by whom they govern, the national default first', () => {
    const p = (id: string, uptCode: string | null) => ({ id, uptCode, effectiveFrom: '2026-01-01', shares: [] });
    expect(
      policiesByScope([p('1', 'LP-TGR-1'), p('2', null), p('3', 'LP-SRG'), p('4', null)]).map((g) => [
        g.uptCode,
        g.policies.map((x) => x.id),
      ]),
    ).toEqual([
      [null, ['2', '4']],
      ['LP-SRG', ['3']],
      ['LP-TGR-1', ['1']],
    ]);
  });
});
