/** Decisions as ordered lists of named rules: each rule returns a refusal with its figures, or nothing. */
import { DomainError, type ErrorKind } from './domain-error';

/** Why a rule refuses: a code from the decision's closed list, the error kind it maps to, and its figures. */
export interface Refusal<Code extends string> {
  kind: Extract<ErrorKind, 'rule' | 'conflict'>;
  code: Code;
  message: string;
  details: Record<string, unknown>;
}

/** One named rule of a decision: returns what it refuses, or undefined when the facts pass it. */
export interface Rule<Facts, Refused> {
  readonly name: string;
  check(facts: Facts): Refused | undefined;
}

/** Applies the rules in order and returns the first refusal, or undefined when every rule passes. */
export function firstRefusal<Facts, Refused>(rules: readonly Rule<Facts, Refused>[], facts: Facts): Refused | undefined {
  for (const rule of rules) {
    const refused = rule.check(facts);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

/** Throws a refusal as the DomainError the HTTP layer turns into its status (422 for a rule, 409 for a conflict). */
export function throwIfRefused(refusal: Refusal<string> | undefined): void {
  if (refusal) throw new DomainError(refusal.kind, refusal.code, refusal.message, refusal.details);
}
