import { DomainError } from '@titipan/kernel';
import type { ProductStatus } from '@titipan/contracts';

/** What can happen to a product, and from which states. */
const TRANSITIONS = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED' },
  reject: { from: ['SUBMITTED'], to: 'REJECTED' },
  // a rejected product can be fixed (e.g. a halal certificate added) and submitted again
  revise: { from: ['REJECTED'], to: 'DRAFT' },
  suspend: { from: ['APPROVED'], to: 'SUSPENDED' },
  reinstate: { from: ['SUSPENDED'], to: 'APPROVED' },
  discontinue: { from: ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED'], to: 'DISCONTINUED' },
} as const satisfies Record<string, { from: readonly ProductStatus[]; to: ProductStatus }>;

export type ProductAction = keyof typeof TRANSITIONS;

/** The state after the action, or a 409 naming the current and the requested state. */
export function nextStatus(current: ProductStatus, action: ProductAction): ProductStatus {
  const transition = TRANSITIONS[action];
  if (!(transition.from as readonly ProductStatus[]).includes(current)) {
    throw new DomainError('conflict', 'ILLEGAL_TRANSITION', `cannot ${action} a product that is ${current} (to ${transition.to})`, {
      current,
      requested: transition.to,
      action,
    });
  }
  return transition.to;
}

/** Fields that make a product what it is; once it leaves DRAFT they never change. */
export const IDENTITY_FIELDS = ['sku', 'category'] as const;
/** Fields that can change after submission (descriptions, renewed certificates). */
export const ALWAYS_EDITABLE_FIELDS = ['description', 'certificates'] as const;

/** Refuses edits that a product in this state does not allow. */
export function assertEditable(status: ProductStatus, fields: string[]): void {
  if (status === 'DRAFT') return;
  if (status === 'DISCONTINUED') {
    throw new DomainError('conflict', 'PRODUCT_DISCONTINUED', 'a discontinued product cannot be edited', { current: status });
  }
  const refused = fields.filter((f) => !(ALWAYS_EDITABLE_FIELDS as readonly string[]).includes(f));
  if (refused.length > 0) {
    const identity = refused.filter((f) => (IDENTITY_FIELDS as readonly string[]).includes(f));
    throw new DomainError(
      'conflict',
      identity.length > 0 ? 'IDENTITY_IMMUTABLE' : 'NOT_EDITABLE_IN_STATE',
      identity.length > 0
        ? `${identity.join(', ')} of a ${status} product cannot change; register a new product instead`
        : `${refused.join(', ')} can change only while the product is a DRAFT (it is ${status})`,
      { current: status, fields: refused },
    );
  }
}
