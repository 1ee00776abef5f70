import {
  ALL_EVENTS,
  buildEvent,
  DispatchCancelled,
  entityOf,
  ReceiptConfirmed,
  SaleReversed,
  SalesRecorded,
  StockAdjusted,
} from '@titipan/contracts';
import {
  AUDIT_ENTITY_PATTERN,
  changedFields,
  changeEntry,
  eventEntry,
  mergeChanges,
  NATIONAL_SCOPE,
  type Acting,
  type AuditScope,
  type PendingAuditEntry,
} from './audit-entry';
import { jsonForPostgres, placeByKind } from './audit.store';

const cashier: Acting = { actor: { id: 'kasir-ani', role: 'venue', scope: 'IMI-TGR-LOUNGE' }, correlationId: 'req-1', causationId: null };
const at = new Date('2026-11-20T03:00:00Z');
const agreementId = '0193a3c2-6f1e-7000-8000-000000000001';
const dispatchId = '0193a3c2-6f1e-7000-8000-000000000002';
const cancelled = (id = dispatchId) =>
  eventEntry(
    buildEvent(DispatchCancelled, { agreementId, dispatchId: id, reason: 'truck broke down' }, { source: 'consignment', ...cashier }),
    'dispatch',
    at,
  );
const statusChange = (id = dispatchId): PendingAuditEntry =>
  changeEntry(
    { entity: 'dispatch', id, action: 'consignment.dispatch.cancelled', before: { status: 'IN_TRANSIT' }, after: { status: 'CANCELLED' } },
    cashier,
    at,
  );

describe('audit entries', () => {
  it("makes an event's entry from its envelope: type as action, subject as id, partition key as scope key, actor and ids", () => {
    const entry = cancelled();
    expect(entry).toEqual({
      at,
      actor: cashier.actor,
      correlationId: 'req-1',
      causationId: null,
      action: 'consignment.dispatch.cancelled',
      entity: 'dispatch',
      entityId: dispatchId,
      scopeKey: agreementId,
      eventId: expect.any(String),
      before: null,
      after: null,
    });
  });

  it('scopes a described change by its own id unless it names a key; a null key is national', () => {
    expect(changeEntry({ entity: 'agreement', id: agreementId, action: 'consignment.agreement.created' }, cashier, at)).toMatchObject({
      scopeKey: agreementId,
      eventId: null,
      before: null,
      after: null,
    });
    expect(changeEntry({ entity: 'stock-count', id: 'count-1', action: 'x', scopeKey: agreementId }, cashier, at).scopeKey).toBe(
      agreementId,
    );
    expect(changeEntry({ entity: 'split-policy', id: 'p-1', action: 'x', scopeKey: null }, cashier, at).scopeKey).toBeNull();
  });

  it("names every event's entity in the form GET /audit accepts, from the type or the definition", () => {
    expect(ALL_EVENTS.map(entityOf).filter((entity) => !AUDIT_ENTITY_PATTERN.test(entity))).toEqual([]);
    expect(entityOf(DispatchCancelled)).toBe('dispatch');
    expect(entityOf(ReceiptConfirmed)).toBe('dispatch');
    expect(entityOf(SalesRecorded)).toBe('sales-batch');
    expect(entityOf(SaleReversed)).toBe('customer-return');
    expect(entityOf(StockAdjusted)).toBe('stock-count');
  });
});

describe('mergeChanges', () => {
  it("gives an event's entry the before and after of a change to the same entity, whichever came first", () => {
    for (const entries of [
      [cancelled(), statusChange()],
      [statusChange(), cancelled()],
    ]) {
      const merged = mergeChanges(entries);
      expect(merged).toHaveLength(1);
      expect(merged[0]).toMatchObject({
        action: 'consignment.dispatch.cancelled',
        eventId: expect.any(String),
        before: { status: 'IN_TRANSIT' },
        after: { status: 'CANCELLED' },
      });
    }
  });

  it('keeps a change of another entity, and a second change of one event, as entries of their own, in order', () => {
    const other = '0193a3c2-6f1e-7000-8000-000000000003';
    const merged = mergeChanges([cancelled(), statusChange(other), statusChange(), statusChange()]);
    expect(merged.map((e) => [e.entityId, e.eventId === null, e.before])).toEqual([
      [dispatchId, false, { status: 'IN_TRANSIT' }],
      [other, true, { status: 'IN_TRANSIT' }],
      [dispatchId, true, { status: 'IN_TRANSIT' }],
    ]);
  });

  it('leaves the entries it was given unchanged', () => {
    const event = cancelled();
    mergeChanges([event, statusChange()]);
    expect(event.before).toBeNull();
  });
});

describe('changedFields', () => {
  class CertificateBody {
    constructor(
      public kind: string,
      public number: string,
    ) {}
  }
  const product = { name: 'Keripik tempe', description: 'renyah', certificates: [{ kind: 'PIRT', number: '2063671010123-29' }] };

  it('lists only the fields the update changes, as they were and as they become', () => {
    expect(changedFields(product, { name: 'Keripik tempe', description: 'renyah, 100 g', certificates: undefined })).toEqual({
      before: { description: 'renyah' },
      after: { description: 'renyah, 100 g' },
    });
  });

  it('compares request bodies by value, not by class', () => {
    expect(changedFields(product, { certificates: [new CertificateBody('PIRT', '2063671010123-29')] })).toBeUndefined();
    expect(changedFields(product, { certificates: [new CertificateBody('HALAL', 'ID36110012345670126')] })).toEqual({
      before: { certificates: product.certificates },
      after: { certificates: [{ kind: 'HALAL', number: 'ID36110012345670126' }] },
    });
  });
});

describe('placeByKind', () => {
  const venueScope = (code: string): AuditScope => ({ venueCode: code, uptCode: null, kanwilCodes: ['KW-BANTEN'] });

  it('asks each lookup once with its distinct keys; no key, or a key it cannot place, is national only', async () => {
    const calls: string[][] = [];
    const subjects = [
      { entity: 'venue', entityId: 'IMI-TGR-LOUNGE', scopeKey: 'IMI-TGR-LOUNGE' },
      { entity: 'venue', entityId: 'IMI-TGR-LOUNGE', scopeKey: 'IMI-TGR-LOUNGE' },
      { entity: 'venue', entityId: 'IMI-NOWHERE', scopeKey: 'IMI-NOWHERE' },
      { entity: 'read-models', entityId: 'projections', scopeKey: null },
    ];
    const scopes = await placeByKind(subjects, () => 'venue', {
      venue: async (codes) => {
        calls.push(codes);
        return new Map(codes.filter((c) => c !== 'IMI-NOWHERE').map((c) => [c, venueScope(c)]));
      },
    });
    expect(calls).toEqual([['IMI-TGR-LOUNGE', 'IMI-NOWHERE']]);
    expect(scopes).toEqual([venueScope('IMI-TGR-LOUNGE'), venueScope('IMI-TGR-LOUNGE'), NATIONAL_SCOPE, NATIONAL_SCOPE]);
  });
});

describe('jsonForPostgres', () => {
  it('replaces lone surrogates (which jsonb refuses) with U+FFFD and keeps pairs', () => {
    expect(JSON.parse(jsonForPostgres({ name: 'a\uD800b', other: ['\uDC00'], emoji: '\uD83D\uDE00' }))).toEqual({
      name: 'a\uFFFDb',
      other: ['\uFFFD'],
      emoji: '😀',
    });
  });
});
