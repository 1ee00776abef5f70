import fc from 'fast-check';
import { basisPointsOf, splitByLargestRemainder } from './domain/split';
import { computeStatement } from './domain/statement';
import { statementDigest } from './statement-digest';

describe('statement digest', () => {
  const figures = computeStatement(
    [
      {
        movements: [{ eventId: 'e3', period: '2026-11', productId: 'p', kind: 'SOLD', quantity: -2, amount: -20_000 }],
        shorts: [],
        saleLines: [{ period: '2026-11', receiptNo: 'R1', lineNo: 1 }],
        receipts: [],
      },
    ],
    '2026-11',
    { commissionBp: 1_000, shrinkageLiability: 'VENUE' },
    [{ name: 'PNBP', basisPoints: 10_000, legalReference: 'ref' }],
  );

  it('digests deterministically: same ids in any order and same figures give the same digest; any change gives another', () => {
    const a = statementDigest('ag', '2026-11', ['e3', 'e4', 'e5'], figures);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(statementDigest('ag', '2026-11', ['e5', 'e3', 'e4'], JSON.parse(JSON.stringify(figures)))).toBe(a);
    expect(statementDigest('ag', '2026-11', ['e3', 'e4'], figures)).not.toBe(a);
    expect(statementDigest('ag', '2026-11', ['e3', 'e4', 'e5'], { ...figures, proceeds: figures.proceeds + 1 })).not.toBe(a);
  });
});

describe('largest-remainder split', () => {
  const shares = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const points = [...sorted, 10_000].map((p, i) => p - (i === 0 ? 0 : sorted[i - 1]));
    return points.map((basisPoints, i) => ({ name: `S${i}`, basisPoints, legalReference: 'ref' }));
  });

  it('always sums exactly to the total, each part within one rupiah of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), shares, (total, policy) => {
        const parts = splitByLargestRemainder(total, policy);
        expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(total);
        for (const p of parts) {
          expect(Number.isInteger(p.amount)).toBe(true);
          expect(Math.abs(p.amount - (total * p.basisPoints) / 10_000)).toBeLessThan(1);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the odd rupiah to the largest remainder, ties to the first share', () => {
    const thirds = [
      { name: 'A', basisPoints: 3_333, legalReference: '' },
      { name: 'B', basisPoints: 3_333, legalReference: '' },
      { name: 'C', basisPoints: 3_334, legalReference: '' },
    ];
    expect(splitByLargestRemainder(100, thirds).map((p) => p.amount)).toEqual([33, 33, 34]);
    expect(splitByLargestRemainder(1, thirds).map((p) => p.amount)).toEqual([0, 0, 1]);
    expect(splitByLargestRemainder(2, thirds).map((p) => p.amount)).toEqual([1, 0, 1]);
  });

  it('refuses a policy that does not sum to 100%', () => {
    expect(() => splitByLargestRemainder(100, [{ name: 'A', basisPoints: 5_000, legalReference: '' }])).toThrow(/10,000/);
  });

  it('rounds commission halves away from zero', () => {
    expect(basisPointsOf(57_005, 1_000)).toBe(5_701);
    expect(basisPointsOf(57_004, 1_000)).toBe(5_700);
    expect(basisPointsOf(-57_005, 1_000)).toBe(-5_701);
  });
});
