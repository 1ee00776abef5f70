import {
  AgreementActivated,
  allTopics,
  buildEvent,
  dlqTopic,
  EventRegistry,
  ExhibitionCreated,
  KanwilRegistered,
  parseEvent,
  SalesRecorded,
  topicName,
  UptRegistered,
} from '.';

const context = {
  source: 'catalog',
  actor: { id: 'admin@ditjenpas', role: 'admin' as const, scope: null },
  correlationId: 'req-123',
};
const upt = {
  code: 'LP-TGR-1',
  name: 'Lapas Kelas I Tangerang',
  type: 'LAPAS' as const,
  class: 'I' as const,
  kanwilCode: 'KW-BANTEN',
  satkerCode: '412345',
};

describe('event envelope', () => {
  it('stamps id (UUIDv7), time with offset, source, subject, key, correlation, causation and actor', () => {
    const event = buildEvent(UptRegistered, upt, { ...context, causationId: null, time: new Date('2026-11-25T01:02:03Z') });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event).toMatchObject({
      type: 'catalog.upt.registered',
      version: 1,
      source: 'catalog',
      subject: 'LP-TGR-1',
      partitionKey: 'LP-TGR-1',
      time: '2026-11-25T01:02:03.000+00:00',
      correlationId: 'req-123',
      causationId: null,
      actor: context.actor,
      data: upt,
    });
  });

  it('gives later events larger ids (UUIDv7 sorts by time)', () => {
    const a = buildEvent(KanwilRegistered, { code: 'KW-A', name: 'A' }, context);
    const b = buildEvent(KanwilRegistered, { code: 'KW-A', name: 'A' }, { ...context, time: new Date(Date.now() + 5) });
    expect(a.id < b.id).toBe(true);
  });

  it('parses what it builds, back to the same event', () => {
    const event = buildEvent(UptRegistered, upt, context);
    const parsed = parseEvent(Buffer.from(JSON.stringify(event)));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind === 'ok') {
      expect(parsed.definition).toBe(UptRegistered);
      expect({ ...parsed.event, data: { ...parsed.event.data } }).toEqual(event);
    }
  });

  it('drops unknown payload fields instead of failing (additive changes keep the version)', () => {
    const event = buildEvent(UptRegistered, upt, context);
    const parsed = parseEvent(JSON.stringify({ ...event, data: { ...upt, futureField: 'x' } }));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind === 'ok') expect(parsed.event.data).not.toHaveProperty('futureField');
  });

  it('reports an unknown type or version as unknown, not invalid', () => {
    const event = buildEvent(UptRegistered, upt, context);
    expect(parseEvent(JSON.stringify({ ...event, version: 9 })).kind).toBe('unknown');
    expect(parseEvent(JSON.stringify({ ...event, type: 'catalog.something.new' })).kind).toBe('unknown');
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['empty', '', /empty/],
  ])('rejects %s', (_, value, reason) => {
    const parsed = parseEvent(value);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(reason);
  });

  it('names the envelope fields that do not conform', () => {
    const event = buildEvent(UptRegistered, upt, context);
    const parsed = parseEvent(JSON.stringify({ ...event, id: 'not-a-uuid', time: 'yesterday', actor: { id: 'x', role: 'janitor' } }));
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') {
      expect(parsed.problems.map((p) => p.field).sort()).toEqual(['actor.role', 'id', 'time']);
    }
  });

  it('names the payload fields that break the contract', () => {
    const event = buildEvent(UptRegistered, upt, context);
    const parsed = parseEvent(JSON.stringify({ ...event, data: { ...upt, type: 'PRISON', satkerCode: '12' } }));
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') {
      expect(parsed.problems.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(['data.satkerCode:pattern', 'data.type:enum']);
    }
  });

  it('refuses to register the same type and version twice', () => {
    expect(() => new EventRegistry([UptRegistered, UptRegistered])).toThrow(/defined twice/);
  });
});

describe('fields added to a version (decision 0014)', () => {
  const agreementId = '0190c8e4-0000-7000-8000-00000000a001';
  const stored = (event: object, drop: string[]) => {
    const json = JSON.parse(JSON.stringify(event)) as { data: Record<string, unknown> };
    for (const field of drop) delete json.data[field];
    return JSON.stringify(json);
  };

  it('reads an agreement activation published before the discount limit and shrinkage liability existed with their defaults', () => {
    const event = buildEvent(
      AgreementActivated,
      {
        agreementId,
        uptCode: 'LP-TGR-1',
        venueCode: 'IMI-TGR-LOUNGE',
        commissionBp: 0,
        maxDiscountBp: 500,
        shrinkageLiability: 'UPT',
        validFrom: '2026-01-01',
        validTo: null,
        timeZone: 'Asia/Jakarta',
      },
      context,
    );
    const now = parseEvent(stored(event, []));
    const before = parseEvent(stored(event, ['maxDiscountBp', 'shrinkageLiability']));
    expect(now.kind === 'ok' && now.event.data).toMatchObject({ maxDiscountBp: 500, shrinkageLiability: 'UPT' });
    expect(before.kind === 'ok' && before.event.data).toMatchObject({ maxDiscountBp: 0, shrinkageLiability: 'VENUE' });
    expect(parseEvent(stored({ ...event, data: { ...event.data, shrinkageLiability: 'NOBODY' } }, [])).kind).toBe('invalid');
  });

  it('reads a sale line without a discount reason, and refuses one outside the list', () => {
    const line = {
      receiptNo: 'R-1',
      lineNo: 1,
      productId: agreementId,
      lotCode: 'L-1',
      quantity: 1,
      unitPrice: 9_000,
      listPrice: 10_000,
      amount: 9_000,
      soldAt: '2026-11-25T10:00:00+07:00',
      period: '2026-11',
    };
    const sales = (lines: object[]) =>
      buildEvent(
        SalesRecorded,
        { agreementId, batchId: agreementId, venueCode: 'IMI-TGR-LOUNGE', uptCode: 'LP-TGR-1', lines } as never,
        context,
      );
    expect(parseEvent(JSON.stringify(sales([line]))).kind).toBe('ok');
    expect(parseEvent(JSON.stringify(sales([{ ...line, discountReason: 'PROMO' }]))).kind).toBe('ok');
    expect(parseEvent(JSON.stringify(sales([{ ...line, discountReason: 'FRIEND' }]))).kind).toBe('invalid');
  });
});

describe('exhibitions (decision 0029)', () => {
  const agreementId = '0190c8e4-0000-7000-8000-00000000a001';
  const exhibition = {
    exhibitionId: '0190c8e4-0000-7000-8000-00000000e001',
    venueCode: 'PIPAS-BTN-2026',
    name: 'PIPAS Banten 2026',
    series: 'PIPAS Banten',
    edition: '2026',
    organiserCode: 'KW-BANTEN',
    location: 'Alun-alun Serang',
    timeZone: 'Asia/Makassar',
    first: '2026-12-07',
    last: '2026-12-09',
    returnWindowDays: 7,
    uptCodes: ['LP-TGR-1', 'LP-SRG'],
    agreementIds: [agreementId, '0190c8e4-0000-7000-8000-00000000a002'],
  };

  it('registers consignment.exhibition.created v1, keyed by the venue code, and reads it back', () => {
    const event = buildEvent(ExhibitionCreated, exhibition, context);
    expect(new EventRegistry().find('consignment.exhibition.created', 1)).toBe(ExhibitionCreated);
    expect(event.partitionKey).toBe('PIPAS-BTN-2026');
    const parsed = parseEvent(JSON.stringify(event));
    expect(parsed.kind === 'ok' && parsed.event.data).toEqual(exhibition);
    expect(parseEvent(JSON.stringify({ ...event, data: { ...exhibition, uptCodes: ['lp tgr'] } })).kind).toBe('invalid');
  });

  it('reads an agreement activation with its event period, and one without as monthly', () => {
    const activation = {
      agreementId,
      uptCode: 'LP-TGR-1',
      venueCode: 'PIPAS-BTN-2026',
      commissionBp: 1000,
      maxDiscountBp: 0,
      shrinkageLiability: 'VENUE' as const,
      validFrom: '2026-12-07',
      validTo: '2026-12-16',
      timeZone: 'Asia/Makassar',
    };
    const withEvent = buildEvent(
      AgreementActivated,
      {
        ...activation,
        eventPeriod: { first: '2026-12-07', last: '2026-12-09', returnWindowDays: 7 },
        exhibitionId: exhibition.exhibitionId,
      },
      context,
    );
    const parsed = parseEvent(JSON.stringify(withEvent));
    expect(parsed.kind === 'ok' && parsed.event.data).toMatchObject({
      eventPeriod: { first: '2026-12-07', last: '2026-12-09', returnWindowDays: 7 },
      exhibitionId: exhibition.exhibitionId,
    });
    const monthly = parseEvent(JSON.stringify(buildEvent(AgreementActivated, activation, context)));
    expect(monthly.kind === 'ok' && (monthly.event.data as { eventPeriod?: unknown }).eventPeriod).toBeUndefined();
    const bad = { ...withEvent, data: { ...withEvent.data, eventPeriod: { first: '2026-12-07', last: 'soon', returnWindowDays: 7 } } };
    expect(parseEvent(JSON.stringify(bad)).kind).toBe('invalid');
  });
});

describe('topics', () => {
  it('has one stream topic per service and a dead-letter topic for each', () => {
    expect(allTopics()).toEqual([
      'catalog.events',
      'catalog.events.dlq',
      'consignment.events',
      'consignment.events.dlq',
      'reporting.events',
      'reporting.events.dlq',
    ]);
    expect(topicName('consignment', 'run1.')).toBe('run1.consignment.events');
    expect(dlqTopic(topicName('catalog', 'run1.'))).toBe('run1.catalog.events.dlq');
  });
});
