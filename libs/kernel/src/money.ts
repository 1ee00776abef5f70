/** Money is whole rupiah (a safe integer); rates are basis points (10,000 = 100 %). */
export const WHOLE = 10_000;

/**
 * Splits a whole-rupiah total by basis points with the largest-remainder method: every part is whole
 * rupiah, and the parts always sum exactly to the total. Ties go to the share listed first.
 */
export function splitByLargestRemainder<S extends { basisPoints: number }>(total: number, shares: S[]): (S & { amount: number })[] {
  if (!Number.isSafeInteger(total)) throw new Error('total must be a whole number of rupiah');
  if (shares.reduce((s, x) => s + x.basisPoints, 0) !== WHOLE) throw new Error('shares must sum to 10,000 basis points');
  const sign = total < 0 ? -1 : 1;
  const magnitude = BigInt(Math.abs(total));
  const exact = shares.map((share, index) => {
    const scaled = magnitude * BigInt(share.basisPoints);
    return { share, index, floor: scaled / 10_000n, remainder: scaled % 10_000n };
  });
  let left = magnitude - exact.reduce((s, x) => s + x.floor, 0n);
  const byRemainder = [...exact].sort((a, b) => (b.remainder === a.remainder ? a.index - b.index : b.remainder > a.remainder ? 1 : -1));
  const extra = new Set<number>();
  for (const x of byRemainder) {
    if (left === 0n) break;
    extra.add(x.index);
    left -= 1n;
  }
  return exact.map((x) => ({ ...x.share, amount: sign * Number(x.floor + (extra.has(x.index) ? 1n : 0n)) }));
}

/** Rounds a value of basis points of an amount to whole rupiah, halves away from zero. */
export function basisPointsOf(amount: number, basisPoints: number): number {
  const scaled = BigInt(Math.abs(amount)) * BigInt(basisPoints);
  const whole = scaled / 10_000n + (scaled % 10_000n >= 5_000n ? 1n : 0n);
  return (amount < 0 ? -1 : 1) * Number(whole);
}
