import { FixedWindowStorage } from './fixed-window-storage';

describe('fixed-window rate-limit counts', () => {
  it('allows the limit in a window, refuses the rest until the window ends, then counts again', async () => {
    let now = 0;
    const storage = new FixedWindowStorage(() => now);
    const hit = () => storage.increment('actor:venue-1', 60_000, 3);
    for (let i = 1; i <= 3; i++) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false });
    now = 45_500;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 15 });
    expect(await storage.increment('actor:venue-2', 60_000, 3)).toMatchObject({ totalHits: 1, isBlocked: false });
    now = 60_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets ended windows', async () => {
    let now = 0;
    const storage = new FixedWindowStorage(() => now);
    for (let i = 0; i < 50; i++) await storage.increment(`address:10.0.0.${i}`, 1000, 10);
    now = 5000;
    await storage.increment('address:10.0.1.1', 1000, 10);
    expect(storage.size).toBe(1);
  });
});
