import { parsePercentBp, parseRupiah } from './admin-input';

describe('what an administrator types', () => {
  it('reads percentages as basis points, the decimal comma first', () => {
    expect(parsePercentBp('12,5')).toBe(1250);
    expect(parsePercentBp('12.5')).toBe(1250);
    expect(parsePercentBp(' 20 % ')).toBe(2000);
    expect(parsePercentBp('0')).toBe(0);
    expect(parsePercentBp('0,01')).toBe(1);
    expect(parsePercentBp('100')).toBe(10_000);
  });

  it('refuses what is no percentage with at most two decimals', () => {
    for (const text of ['', 'abc', '-5', '1,234', '12,5,0', '1000', '1.000,5']) expect(parsePercentBp(text)).toBeUndefined();
  });

  it('reads rupiah with or without the thousands dots and the Rp', () => {
    expect(parseRupiah('15.000')).toBe(15_000);
    expect(parseRupiah('Rp 1.234.567')).toBe(1_234_567);
    expect(parseRupiah('rp15000')).toBe(15_000);
    expect(parseRupiah('15000')).toBe(15_000);
  });

  it('refuses cents, misplaced dots and letters', () => {
    for (const text of ['', '15,5', '15.00', '1.5000', 'lima ribu', '-1000']) expect(parseRupiah(text)).toBeUndefined();
  });
});
