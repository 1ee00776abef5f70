import { DomainError, refuse } from '@titipan/kernel';
import { COUNT_LINE_RULES, STOCK_COUNT_REFUSAL_KIND, stockCountRefusal, type CountLine } from './stock-count-rules';

const line = (n: number, change: Partial<CountLine> = {}): CountLine => ({
  line: n,
  lotCode: `LOT-${n}`,
  firstLineOfLot: n,
  known: true,
  ...change,
});

describe('stock count rules', () => {
  it('takes a count whose lots are each counted once and were received here', () => {
    expect(stockCountRefusal([line(1), line(2), line(3)])).toBeUndefined();
  });

  it('DUPLICATE_LINE: a lot counted on an earlier line, named by the later line (400)', () => {
    const refusal = stockCountRefusal([line(1), line(2, { lotCode: 'LOT-1', firstLineOfLot: 1 })]);
    expect(refusal).toEqual({ code: 'DUPLICATE_LINE', message: 'line 2 counts the same lot twice', details: { line: 2 } });
    expect(() => refuse(refusal!, STOCK_COUNT_REFUSAL_KIND)).toThrow(expect.objectContaining({ kind: 'validation' }) as DomainError);
  });

  it('LOT_UNKNOWN: a lot that has no balance or no dispatch price here (422)', () => {
    const refusal = stockCountRefusal([line(1), line(2, { lotCode: 'NEVER', known: false })]);
    expect(refusal).toEqual({ code: 'LOT_UNKNOWN', message: 'line 2: lot NEVER was never received here', details: { line: 2 } });
    expect(STOCK_COUNT_REFUSAL_KIND.LOT_UNKNOWN).toBe('rule');
  });

  it('judges the lines in their order: an unknown lot on line 2 is named before a repeat on line 3', () => {
    const refusal = stockCountRefusal([line(1), line(2, { known: false }), line(3, { lotCode: 'LOT-1', firstLineOfLot: 1 })]);
    expect(refusal?.code).toBe('LOT_UNKNOWN');
  });

  it('checks a line for a repeat before it looks its lot up', () => {
    expect(COUNT_LINE_RULES.map((rule) => rule.name)).toEqual(['lotCountedOnce', 'lotReceivedHere']);
    expect(stockCountRefusal([line(1), line(2, { firstLineOfLot: 1, known: false })])?.code).toBe('DUPLICATE_LINE');
  });
});
