import { firstRefusal, refuse, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { ProductStatus } from '@titipan/contracts';

/** Every reason the lifecycle refuses a transition or an edit. */
export type LifecycleRefusalCode = 'ILLEGAL_TRANSITION' | 'PRODUCT_DISCONTINUED' | 'IDENTITY_IMMUTABLE' | 'NOT_EDITABLE_IN_STATE';
export type LifecycleRefusal = Refusal<LifecycleRefusalCode>;

/** Every lifecycle refusal is a conflict with the product's current state (409). */
export const LIFECYCLE_REFUSAL_KIND: Record<LifecycleRefusalCode, ErrorKind> = {
  ILLEGAL_TRANSITION: 'conflict',
  PRODUCT_DISCONTINUED: 'conflict',
  IDENTITY_IMMUTABLE: 'conflict',
  NOT_EDITABLE_IN_STATE: 'conflict',
};

/** What can happen to a product, and from which states; anything not in this table is ILLEGAL_TRANSITION. */
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

/** Refuses an action the table does not allow from the current state, naming both states. */
export function transitionRefusal(current: ProductStatus, action: ProductAction): LifecycleRefusal | undefined {
  const transition = TRANSITIONS[action];
  if ((transition.from as readonly ProductStatus[]).includes(current)) return undefined;
  return {
    code: 'ILLEGAL_TRANSITION',
    message: `cannot ${action} a product that is ${current} (to ${transition.to})`,
    details: { current, requested: transition.to, action },
  };
}

/** The state after the action, or a 409 naming the current and the requested state. */
export function nextStatus(current: ProductStatus, action: ProductAction): ProductStatus {
  const refusal = transitionRefusal(current, action);
  if (refusal) refuse(refusal, LIFECYCLE_REFUSAL_KIND);
  return TRANSITIONS[action].to;
}

/** Fields that make a product what it is; once it leaves DRAFT they never change. */
export const IDENTITY_FIELDS = ['sku', 'category'] as const;
/** Fields that can change after submission (descriptions, renewed certificates). */
export const ALWAYS_EDITABLE_FIELDS = ['description', 'certificates'] as const;

interface Edit {
  status: ProductStatus;
  /** The fields the edit sets. */
  fields: string[];
}

/** Fields of the edit that only a DRAFT allows. */
const draftOnlyFields = ({ status, fields }: Edit) =>
  status === 'DRAFT' ? [] : fields.filter((f) => !(ALWAYS_EDITABLE_FIELDS as readonly string[]).includes(f));

type EditRule = Rule<Edit, LifecycleRefusalCode>;

const discontinuedIsFinal: EditRule = ({ status }) =>
  status === 'DISCONTINUED'
    ? { code: 'PRODUCT_DISCONTINUED', message: 'a discontinued product cannot be edited', details: { current: status } }
    : undefined;

const identityNeverChangesAfterDraft: EditRule = (edit) => {
  const refused = draftOnlyFields(edit);
  const identity = refused.filter((f) => (IDENTITY_FIELDS as readonly string[]).includes(f));
  if (identity.length === 0) return undefined;
  return {
    code: 'IDENTITY_IMMUTABLE',
    message: `${identity.join(', ')} of a ${edit.status} product cannot change; register a new product instead`,
    details: { current: edit.status, fields: refused },
  };
};

const otherFieldsOnlyInDraft: EditRule = (edit) => {
  const refused = draftOnlyFields(edit);
  if (refused.length === 0) return undefined;
  return {
    code: 'NOT_EDITABLE_IN_STATE',
    message: `${refused.join(', ')} can change only while the product is a DRAFT (it is ${edit.status})`,
    details: { current: edit.status, fields: refused },
  };
};

/** In order: a discontinued product is final; past DRAFT the identity never changes, and other fields only in DRAFT. */
const EDIT_RULES = [discontinuedIsFinal, identityNeverChangesAfterDraft, otherFieldsOnlyInDraft];

/** The first rule an edit of these fields breaks in this state, or undefined when the edit is allowed. */
export function editRefusal(status: ProductStatus, fields: string[]): LifecycleRefusal | undefined {
  return firstRefusal(EDIT_RULES, { status, fields });
}

/** Refuses edits that a product in this state does not allow. */
export function assertEditable(status: ProductStatus, fields: string[]): void {
  const refusal = editRefusal(status, fields);
  if (refusal) refuse(refusal, LIFECYCLE_REFUSAL_KIND);
}
