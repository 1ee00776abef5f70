import { reconcile } from '../../tools/reconcile/reconcile';
import { serviceHealth } from '../../tools/demo/api-client';

export interface FaultFigures {
  /** Events the consignment relay published since its process started. */
  produced: number;
  /** Events reporting's consumers applied, duplicates they skipped and messages they dead-lettered, since start. */
  consumed: number;
  duplicatesSuppressed: number;
  deadLettered: number;
  /** Sale lines in the ledger that reporting lacks, and sale lines reporting has beyond the ledger. */
  lost: number;
  doubleCounted: number;
  /** Sale lines in consignment's ledger (every acknowledged sale must be among them). */
  ledgerLines: number;
  differences: number;
}

/** Multiplies the load of the fault tests (FAULT_LOAD=5 for a heavier run; CI uses 1). */
export const FAULT_LOAD = Math.max(1, Number(process.env.FAULT_LOAD ?? 1));

/**
 * The figures every fault test prints and checks once the system has converged. With several instances of a
 * service (`instances`), produced and consumed add up every instance's counters; the reconciliation reads `urls`.
 */
export async function faultFigures(
  urls: { consignment: string; reporting: string },
  instances: { consignment: string[]; reporting: string[] } = { consignment: [urls.consignment], reporting: [urls.reporting] },
): Promise<FaultFigures> {
  const relays = await Promise.all(instances.consignment.map(async (url) => (await serviceHealth('consignment', url)).checks.outbox.relay));
  const consumers: { counters: { applied: number; duplicates: number; deadLettered: number } }[] = (
    await Promise.all(instances.reporting.map(async (url) => Object.values((await serviceHealth('reporting', url)).checks.consumers)))
  ).flat() as any[];
  const result = await reconcile(urls);
  return {
    produced: relays.reduce((s, r) => s + r.published, 0),
    consumed: consumers.reduce((s, c) => s + c.counters.applied, 0),
    duplicatesSuppressed: consumers.reduce((s, c) => s + c.counters.duplicates, 0),
    deadLettered: consumers.reduce((s, c) => s + c.counters.deadLettered, 0),
    lost: Math.max(0, result.saleLines.ledger - result.saleLines.reporting),
    doubleCounted: Math.max(0, result.saleLines.reporting - result.saleLines.ledger),
    ledgerLines: result.saleLines.ledger,
    differences: result.differences.length,
  };
}
