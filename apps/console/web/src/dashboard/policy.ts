/**
 * The ministry's split policies and PNBP targets as plain TS (policy.spec.ts): a split typed in percent becomes
 * basis points, and histories are effective-dated, newest first, with the entry in effect on a day marked.
 */

/** The parts of the proceeds (reporting's SHARE_NAMES). */
export const SHARE_NAMES = ['PNBP', 'PREMI', 'CAPITAL'] as const;
export type ShareName = (typeof SHARE_NAMES)[number];
/** 100 % in basis points. */
export const WHOLE = 10_000;

export interface SplitShare {
  name: string;
  basisPoints: number;
  legalReference: string;
}

export interface SplitPolicy {
  id: string;
  uptCode: string | null;
  effectiveFrom: string;
  shares: SplitShare[];
}

/** `15`, `15,5` or `15.5` percent as basis points (1550); anything else, or more than two decimals, is NaN. */
export function percentToBasisPoints(text: string): number {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalised)) return NaN;
  return Math.round(Number(normalised) * 100);
}

export interface ShareInput {
  name: ShareName;
  percent: string;
  legalReference: string;
}

export type ShareProblem = 'percent' | 'legalReference' | 'notWhole';

/** The shares to send (blank percent rows left out), or what is wrong with them before asking the service. */
export function sharesOf(inputs: readonly ShareInput[]): {
  shares: SplitShare[];
  sum: number;
  problems: { name?: ShareName; problem: ShareProblem }[];
} {
  const problems: { name?: ShareName; problem: ShareProblem }[] = [];
  const shares: SplitShare[] = [];
  for (const input of inputs) {
    if (input.percent.trim() === '') continue;
    const basisPoints = percentToBasisPoints(input.percent);
    if (Number.isNaN(basisPoints) || basisPoints > WHOLE) problems.push({ name: input.name, problem: 'percent' });
    if (input.legalReference.trim() === '') problems.push({ name: input.name, problem: 'legalReference' });
    shares.push({ name: input.name, basisPoints, legalReference: input.legalReference.trim() });
  }
  const sum = shares.reduce((s, x) => s + (Number.isNaN(x.basisPoints) ? 0 : x.basisPoints), 0);
  if (!problems.some((p) => p.problem === 'percent') && sum !== WHOLE) problems.push({ problem: 'notWhole' });
  return { shares, sum, problems };
}

export interface Dated {
  effectiveFrom: string;
}

/** Newest first; the entry in effect on `day` is the latest that started on or before it. */
export function history<T extends Dated>(entries: readonly T[], day: string): { entry: T; inEffect: boolean; future: boolean }[] {
  const sorted = [...entries].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const current = sorted.find((e) => e.effectiveFrom <= day);
  return sorted.map((entry) => ({ entry, inEffect: entry === current, future: entry.effectiveFrom > day }));
}

/** Split policies grouped by whom they govern: the national default first, then each UPT's own, by code. */
export function policiesByScope(policies: readonly SplitPolicy[]): { uptCode: string | null; policies: SplitPolicy[] }[] {
  const groups = new Map<string | null, SplitPolicy[]>();
  for (const policy of policies) groups.set(policy.uptCode, [...(groups.get(policy.uptCode) ?? []), policy]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([uptCode, list]) => ({ uptCode, policies: list }));
}
