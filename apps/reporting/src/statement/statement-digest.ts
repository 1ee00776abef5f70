import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { StatementFigures } from './domain/statement';

/**
 * SHA-256 over the ordered source event ids and the figures, in a canonical JSON form. Outside domain/
 * only because the canonical form comes from a library (safe-stable-stringify); issued digests depend on it.
 */
export function statementDigest(agreementId: string, period: string, sourceEventIds: string[], figures: StatementFigures): string {
  const canonical = stringify({ agreementId, period, sourceEventIds: [...sourceEventIds].sort(), figures });
  return createHash('sha256').update(canonical!).digest('hex');
}
