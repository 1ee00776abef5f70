import { DomainError } from '@titipan/kernel';
import { PRODUCT_STATUSES, type ProductStatus } from '@titipan/contracts';
import {
  assertEditable,
  editRefusal,
  LIFECYCLE_REFUSAL_KIND,
  nextStatus,
  transitionRefusal,
  type LifecycleRefusalCode,
  type ProductAction,
} from './product-lifecycle';

const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected an error');
};

describe('product lifecycle', () => {
  const legal: [ProductStatus, ProductAction, ProductStatus][] = [
    ['DRAFT', 'submit', 'SUBMITTED'],
    ['SUBMITTED', 'approve', 'APPROVED'],
    ['SUBMITTED', 'reject', 'REJECTED'],
    ['REJECTED', 'revise', 'DRAFT'],
    ['APPROVED', 'suspend', 'SUSPENDED'],
    ['SUSPENDED', 'reinstate', 'APPROVED'],
    ['DRAFT', 'discontinue', 'DISCONTINUED'],
    ['SUBMITTED', 'discontinue', 'DISCONTINUED'],
    ['APPROVED', 'discontinue', 'DISCONTINUED'],
    ['REJECTED', 'discontinue', 'DISCONTINUED'],
    ['SUSPENDED', 'discontinue', 'DISCONTINUED'],
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const actions: ProductAction[] = ['submit', 'approve', 'reject', 'revise', 'suspend', 'reinstate', 'discontinue'];
  const illegal = PRODUCT_STATUSES.flatMap((from) => actions.map((action) => [from, action] as const)).filter(
    ([from, action]) => !legal.some(([f, a]) => f === from && a === action),
  );

  it.each(illegal)('refuses %s --%s--> with 409 naming both states', (from, action) => {
    const error = errorOf(() => nextStatus(from, action));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details).toMatchObject({ current: from, action });
    expect(error.message).toContain(from);
  });

  it('covers every state and action pair', () => {
    expect(legal.length + illegal.length).toBe(PRODUCT_STATUSES.length * actions.length);
  });
});

describe('editing', () => {
  it('allows any field in DRAFT', () => {
    expect(() => assertEditable('DRAFT', ['sku', 'category', 'name', 'price'])).not.toThrow();
  });

  it('never changes the identity of a product that left DRAFT', () => {
    for (const status of ['SUBMITTED', 'APPROVED', 'SUSPENDED', 'REJECTED'] as const) {
      const error = errorOf(() => assertEditable(status, ['sku']));
      expect(error.code).toBe('IDENTITY_IMMUTABLE');
      expect(error.details).toMatchObject({ current: status, fields: ['sku'] });
    }
    expect(errorOf(() => assertEditable('APPROVED', ['category', 'description'])).details).toMatchObject({ fields: ['category'] });
  });

  it('allows descriptions and renewed certificates after approval, and other fields only in DRAFT', () => {
    expect(() => assertEditable('APPROVED', ['description', 'certificates'])).not.toThrow();
    expect(errorOf(() => assertEditable('APPROVED', ['name'])).code).toBe('NOT_EDITABLE_IN_STATE');
    expect(errorOf(() => assertEditable('DISCONTINUED', ['description'])).code).toBe('PRODUCT_DISCONTINUED');
  });
});

describe('each lifecycle refusal code, with its figures', () => {
  const cases: Record<LifecycleRefusalCode, () => void> = {
    ILLEGAL_TRANSITION: () => {
      expect(transitionRefusal('DRAFT', 'approve')).toEqual({
        code: 'ILLEGAL_TRANSITION',
        message: 'cannot approve a product that is DRAFT (to APPROVED)',
        details: { current: 'DRAFT', requested: 'APPROVED', action: 'approve' },
      });
      expect(transitionRefusal('SUBMITTED', 'approve')).toBeUndefined();
    },
    PRODUCT_DISCONTINUED: () => {
      expect(editRefusal('DISCONTINUED', ['sku', 'description'])).toEqual({
        code: 'PRODUCT_DISCONTINUED',
        message: 'a discontinued product cannot be edited',
        details: { current: 'DISCONTINUED' },
      });
      expect(editRefusal('SUSPENDED', ['description'])).toBeUndefined();
    },
    IDENTITY_IMMUTABLE: () => {
      // every field the state refuses is listed; the message names the identity ones
      expect(editRefusal('APPROVED', ['category', 'name', 'description'])).toEqual({
        code: 'IDENTITY_IMMUTABLE',
        message: 'category of a APPROVED product cannot change; register a new product instead',
        details: { current: 'APPROVED', fields: ['category', 'name'] },
      });
      expect(editRefusal('DRAFT', ['sku', 'category'])).toBeUndefined();
    },
    NOT_EDITABLE_IN_STATE: () => {
      expect(editRefusal('SUBMITTED', ['name', 'price'])).toEqual({
        code: 'NOT_EDITABLE_IN_STATE',
        message: 'name, price can change only while the product is a DRAFT (it is SUBMITTED)',
        details: { current: 'SUBMITTED', fields: ['name', 'price'] },
      });
      expect(editRefusal('SUBMITTED', ['description', 'certificates'])).toBeUndefined();
      expect(editRefusal('DRAFT', ['name', 'price'])).toBeUndefined();
    },
  };

  it.each(Object.entries(cases))('%s', (_code, check) => check());

  it.each(Object.keys(cases))('%s is a conflict with the current state (409)', (code) => {
    expect(LIFECYCLE_REFUSAL_KIND[code as LifecycleRefusalCode]).toBe('conflict');
  });
});
