/**
 * The sales rollup's drill-down, Kanwil → UPT → product, as plain state (drill-down.spec.ts): a row or bar of a
 * Kanwil opens its UPTs, a UPT its products; the breadcrumb goes back up, never above a fixed region.
 */

export const ROLLUP_DIMENSIONS = ['kanwil', 'upt', 'venue', 'category', 'product'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export interface DrillState {
  by: RollupDimension;
  kanwil?: string;
  upt?: string;
}

export interface Crumb {
  /** null: the nation (the first crumb of the ministry) */
  label: string | null;
  state: DrillState;
}

/** Where the rollup starts for a region: the nation by Kanwil, a Kanwil by UPT, a UPT by product. */
export function drillStart(region: { kanwil?: string; upt?: string }): DrillState {
  if (region.upt) return { by: 'product', kanwil: region.kanwil, upt: region.upt };
  if (region.kanwil) return { by: 'upt', kanwil: region.kanwil };
  return { by: 'kanwil' };
}

/** Whether a row of this grouping opens a deeper one. */
export function canDrill(state: DrillState): boolean {
  return state.by === 'kanwil' || state.by === 'upt';
}

/** One step down from a row's key; a grouping that does not drill stays as it is. */
export function drillInto(state: DrillState, key: string): DrillState {
  if (state.by === 'kanwil') return { by: 'upt', kanwil: key };
  if (state.by === 'upt') return { by: 'product', kanwil: state.kanwil, upt: key };
  return state;
}

/** Another grouping of the same region (venue, category…): the region stays. */
export function regroup(state: DrillState, by: RollupDimension): DrillState {
  return { ...state, by };
}

/** The path from the top the person may see down to the current region; the last crumb is where they are. */
export function crumbs(state: DrillState, fixedKanwil?: string): Crumb[] {
  const path: Crumb[] = [];
  if (!fixedKanwil) path.push({ label: null, state: { by: 'kanwil' } });
  const kanwil = fixedKanwil ?? state.kanwil;
  if (kanwil) path.push({ label: kanwil, state: { by: 'upt', kanwil } });
  if (state.upt) path.push({ label: state.upt, state: { by: 'product', kanwil, upt: state.upt } });
  return path;
}

/** The rollup's query for a state and month (the narrowest region filter: a UPT implies its Kanwil). */
export function rollupParams(state: DrillState, period: string): Record<string, string> {
  const params: Record<string, string> = { period, by: state.by };
  if (state.upt) params.upt = state.upt;
  else if (state.kanwil) params.kanwil = state.kanwil;
  return params;
}
