/** Decisions as ordered lists of named rules: each rule returns a refusal with its figures, or nothing. */
import { DomainError, type ErrorKind } from './domain-error';

/** Why a rule refuses: a stable code for machines, a sentence for people and, when there are any, the figures. */
export interface Refusal<Code extends string = string> {
  code: Code;
  message: string;
  details?: Record<string, unknown>;
}

/** One named rule of a decision (the function's name is the rule's): a refusal when the rule does not hold, nothing when it does. */
export type Rule<Input, Code extends string> = (input: Input) => Refusal<Code> | undefined;

/** Applies rules in their order and returns the first refusal, or nothing when every rule holds. */
export function firstRefusal<Input, R extends Refusal>(rules: readonly ((input: Input) => R | undefined)[], input: Input): R | undefined {
  for (const rule of rules) {
    const refusal = rule(input);
    if (refusal) return refusal;
  }
  return undefined;
}

/** Every refusal of the rules, in their order (for documents that report each problem). */
export function allRefusals<Input, R extends Refusal>(rules: readonly ((input: Input) => R | undefined)[], input: Input): R[] {
  return rules.map((rule) => rule(input)).filter((refusal): refusal is R => refusal !== undefined);
}

/**
 * Throws a refusal as the error its decision answers it with (a broken rule, a conflict...). `kinds` maps every
 * code of the decision's closed union, so a new code cannot go without its kind.
 */
export function refuse<Code extends string>(refusal: Refusal<Code>, kinds: Record<Code, ErrorKind>): never {
  throw new DomainError(kinds[refusal.code], refusal.code, refusal.message, refusal.details);
}
