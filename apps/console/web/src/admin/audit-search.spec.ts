import {
  actorName,
  auditQuery,
  changeSummary,
  emptyFilters,
  filterProblems,
  mergedEntries,
  servicesToFetch,
  startState,
  withError,
  withPage,
  type AuditEntry,
} from './audit-search';

const entry = (at: string, position: string, action = 'x.y.z'): AuditEntry => ({
  position,
  at,
  actor: { id: 'sub-1', role: 'admin', scope: null, username: 'admin.budi' },
  action,
  entity: 'agreement',
  entityId: 'a-1',
  before: null,
  after: null,
});

describe('the audit trail search', () => {
  it('asks each service for the period read in WIB, the last day whole, and the filters typed', () => {
    const query = new URLSearchParams(
      auditQuery({ ...emptyFilters(), fromDay: '2026-11-01', toDay: '2026-11-30', person: 'admin.budi', text: ' KW-NTT ' }, 50, 'c-2'),
    );
    expect(Object.fromEntries(query)).toEqual({
      from: '2026-11-01T00:00:00+07:00',
      to: '2026-12-01T00:00:00+07:00',
      actor: 'admin.budi',
      q: 'KW-NTT',
      limit: '50',
      cursor: 'c-2',
    });
    expect(auditQuery(emptyFilters(), 20)).toBe('limit=20');
  });

  it('refuses a reversed period', () => {
    expect(filterProblems({ ...emptyFilters(), fromDay: '2026-11-30', toDay: '2026-11-01' })).toEqual(['reversed']);
    expect(filterProblems({ ...emptyFilters(), fromDay: '2026-11-30', toDay: '2026-11-30' })).toEqual([]);
  });

  it('takes an action only as the services name it, and text only with something to look for', () => {
    expect(filterProblems({ ...emptyFilters(), action: 'consignment.agreement.activated', text: 'KW-NTT' })).toEqual([]);
    expect(filterProblems({ ...emptyFilters(), action: 'Agreement activated', text: '--' })).toEqual(['action', 'text']);
  });

  it('merges the services newest first, showing only what no unfetched entry can come before', () => {
    let state = startState();
    state = withPage(state, 'catalog', {
      items: [entry('2026-11-30T10:00:00Z', '9'), entry('2026-11-30T08:00:00Z', '8')],
      nextCursor: 'c',
    });
    state = withPage(state, 'consignment', { items: [entry('2026-11-30T09:00:00Z', '5')], nextCursor: null });
    state = withPage(state, 'reporting', { items: [], nextCursor: null });
    // catalog has more pages: its next entry may be older than 08:00 but never newer, so everything down to 08:00 shows
    const first = mergedEntries(state);
    expect(first.entries.map((e) => `${e.service}:${e.position}`)).toEqual(['catalog:9', 'consignment:5', 'catalog:8']);
    expect(first.more).toBe(true);
    expect(servicesToFetch(state)).toEqual(['catalog']);
  });

  it('holds back an older entry until the service that may still have newer ones has fetched them', () => {
    let state = startState();
    state = withPage(state, 'catalog', { items: [entry('2026-11-30T10:00:00Z', '9')], nextCursor: 'c' });
    state = withPage(state, 'consignment', {
      items: [entry('2026-11-30T09:00:00Z', '5'), entry('2026-11-29T09:00:00Z', '4')],
      nextCursor: null,
    });
    state = withPage(state, 'reporting', { items: [], nextCursor: null });
    expect(mergedEntries(state).entries.map((e) => e.position)).toEqual(['9']);
    state = withPage(state, 'catalog', { items: [entry('2026-11-30T09:30:00Z', '7')], nextCursor: null });
    const all = mergedEntries(state);
    expect(all.entries.map((e) => `${e.service}:${e.position}`)).toEqual(['catalog:9', 'catalog:7', 'consignment:5', 'consignment:4']);
    expect(all.more).toBe(false);
  });

  it('leaves a service that failed out and shows the others', () => {
    let state = startState();
    state = withError(state, 'reporting', 'HTTP_503');
    state = withPage(state, 'catalog', { items: [entry('2026-11-30T10:00:00Z', '1')] });
    state = withPage(state, 'consignment', { items: [] });
    expect(mergedEntries(state)).toMatchObject({ more: false, entries: [{ service: 'catalog' }] });
    expect(state.reporting.error).toBe('HTTP_503');
  });

  it('names the person and the change in one line', () => {
    expect(actorName({ id: 'sub', role: 'venue', scope: 'IMI-KPG', username: 'kasir.kpg' })).toBe('kasir.kpg (venue, IMI-KPG)');
    expect(actorName({ id: 'sub', role: 'admin', scope: null })).toBe('sub (admin)');
    expect(changeSummary({ before: { enabled: true }, after: { enabled: false } })).toBe('enabled: true → false');
    expect(changeSummary({ before: null, after: { code: 'KW-NTT', name: 'Kanwil NTT' } })).toBe('code: KW-NTT; name: Kanwil NTT');
    expect(changeSummary({ before: null, after: { text: 'x'.repeat(300) } }, 20)).toHaveLength(20);
  });
});
