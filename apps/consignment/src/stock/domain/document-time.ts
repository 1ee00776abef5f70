/** Clock skew allowed between a client's "now" (a till, a phone) and ours. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The time a document claims (or now), refused when it lies in the future. */
export function documentTime(value: string | undefined, field: string, now: Date): Date {
  const at = value ? new Date(value) : now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError('rule', 'DATED_IN_FUTURE', `${field} ${value} is in the future`, { field });
  }
  return at;
}
import { DomainError } from '@titipan/kernel';
