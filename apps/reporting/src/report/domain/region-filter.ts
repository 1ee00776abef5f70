import type { Actor } from '@titipan/contracts';
import { firstRefusal, refuse, type Refusal } from '@titipan/kernel';

/**
 * The region filters every `/reports/*` view takes. `kanwil` is the Kanwil of the agreement's UPT (the rollup's
 * Kanwil key, so `by=upt&kanwil=X` adds up to the `by=kanwil` row of X); `upt` is the agreement's UPT.
 */
export interface RegionFilter {
  kanwil?: string;
  upt?: string;
}

/** What reporting knows about a filter, read before the view. */
export interface RegionFacts {
  /** The Kanwil of the UPT the filter names, or null when reporting does not know the UPT. */
  uptKanwil: string | null;
  /** The Kanwil of the caller's own UPT or venue (a Kanwil's is itself); null for national roles or one unknown. */
  ownKanwil: string | null;
  /** Whether some agreement lies both within the caller's scope and within the filter. */
  sharesAgreement: boolean;
}

export interface RegionCheck {
  actor: Actor;
  filter: RegionFilter;
  facts: RegionFacts;
}

type RegionCode = 'REGION_MISMATCH' | 'SCOPE_FORBIDDEN';

const NATIONAL_ROLES: readonly Actor['role'][] = ['ministry', 'admin', 'system'];

/** A UPT filter must lie in the Kanwil filter beside it (as far as reporting knows the UPT). */
function uptLiesInKanwil({ filter, facts }: RegionCheck): Refusal<RegionCode> | undefined {
  if (filter.kanwil === undefined || filter.upt === undefined || facts.uptKanwil === null || facts.uptKanwil === filter.kanwil)
    return undefined;
  return {
    code: 'REGION_MISMATCH',
    message: `UPT ${filter.upt} belongs to ${facts.uptKanwil}, not to ${filter.kanwil}`,
    details: { field: 'upt', kanwil: filter.kanwil, uptKanwil: facts.uptKanwil },
  };
}

/** The caller's own region: a UPT its UPT and Kanwil, a Kanwil (or its curator) itself and its UPTs, a venue its venue's Kanwil. */
function ownRegion({ actor, filter, facts }: RegionCheck): boolean {
  const kanwilOwn = filter.kanwil === undefined || filter.kanwil === facts.ownKanwil;
  switch (actor.role) {
    case 'upt':
      return kanwilOwn && (filter.upt === undefined || filter.upt === actor.scope);
    case 'kanwil':
    case 'curator':
      return kanwilOwn && (filter.upt === undefined || facts.uptKanwil === actor.scope);
    default:
      return kanwilOwn && filter.upt === undefined;
  }
}

/**
 * A filter narrows within the caller's scope: national roles name any region; others their own region, or one
 * sharing an agreement with their scope (a UPT of another Kanwil selling at a Kanwil's venue, which the Kanwil's
 * rollup shows and so may drill into). Anything else is refused rather than answered empty.
 */
function filterWithinScope(check: RegionCheck): Refusal<RegionCode> | undefined {
  if (NATIONAL_ROLES.includes(check.actor.role) || check.facts.sharesAgreement || ownRegion(check)) return undefined;
  const field = check.filter.upt !== undefined ? 'upt' : 'kanwil';
  return {
    code: 'SCOPE_FORBIDDEN',
    message: `${check.actor.role} of ${check.actor.scope} may not read ${field} ${check.filter[field]}`,
    details: { field, role: check.actor.role, scope: check.actor.scope },
  };
}

/** The rules a region filter passes, in order. */
export const REGION_FILTER_RULES = [uptLiesInKanwil, filterWithinScope] as const;

/** Whether a filter names a region at all (no facts are needed otherwise). */
export const filtersRegion = (filter: RegionFilter) => filter.kanwil !== undefined || filter.upt !== undefined;

/** Throws the first refusal of the rules: 400 REGION_MISMATCH, 403 SCOPE_FORBIDDEN. */
export function assertRegionFilter(check: RegionCheck): void {
  const refusal = firstRefusal(REGION_FILTER_RULES, check);
  if (refusal) refuse(refusal, { REGION_MISMATCH: 'validation', SCOPE_FORBIDDEN: 'forbidden' });
}
