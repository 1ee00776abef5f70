import { replayJobView, type ReplayJobRecord } from './replay-job';

const job = (change: Partial<ReplayJobRecord> = {}): ReplayJobRecord => ({
  id: '01900000-0000-7000-8000-000000000001',
  state: 'running',
  startedBy: 'admin',
  events: 30_000,
  applied: 29_000,
  eventsTotal: 100_000,
  error: null,
  startedAt: new Date('2026-11-30T10:00:00Z'),
  updatedAt: new Date('2026-11-30T10:00:02Z'),
  finishedAt: null,
  ...change,
});

describe('a replay job as the operator sees it', () => {
  it('while running: the rate since the start and the time left to the end offsets it started with', () => {
    const view = replayJobView(job(), new Date('2026-11-30T10:00:03Z'));
    expect(view).toMatchObject({ state: 'running', eventsPerSecond: 10_000, etaSeconds: 7, finishedAt: null });
  });

  it('past the end offsets it started with (events arrived meanwhile): no time left rather than a negative one', () => {
    expect(replayJobView(job({ events: 120_000 }), new Date('2026-11-30T10:00:03Z')).etaSeconds).toBe(0);
  });

  it('before the topic was measured, or before any event was read: no ETA', () => {
    const now = new Date('2026-11-30T10:00:03Z');
    expect(replayJobView(job({ eventsTotal: null }), now).etaSeconds).toBeNull();
    expect(replayJobView(job({ events: 0 }), now).etaSeconds).toBeNull();
  });

  it('once ended: the rate over its whole run, no ETA, whatever the clock says now', () => {
    const finished = job({ state: 'finished', events: 100_000, finishedAt: new Date('2026-11-30T10:00:20Z') });
    expect(replayJobView(finished, new Date('2026-12-01T00:00:00Z'))).toMatchObject({
      eventsPerSecond: 5_000,
      etaSeconds: null,
      finishedAt: '2026-11-30T10:00:20.000Z',
    });
  });
});
