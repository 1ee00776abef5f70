import { personFrom } from './session';
import { refreshFailure, refreshNeeded, sessionEnd, sessionExpiresAt } from './session-rules';

const NOW = Date.parse('2026-11-30T08:00:00Z');
const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

describe('refresh needed', () => {
  it('refreshes with less than 30 s left, or once over', () => {
    expect(refreshNeeded(NOW + 31_000, NOW)).toBe(false);
    expect(refreshNeeded(NOW + 30_000, NOW)).toBe(false);
    expect(refreshNeeded(NOW + 29_999, NOW)).toBe(true);
    expect(refreshNeeded(NOW - 1, NOW)).toBe(true);
  });

  it('ends the session when the provider refuses the grant, keeps it when the provider is away', () => {
    expect(refreshFailure({ error: 'invalid_grant' })).toBe('SESSION_ENDED');
    expect(refreshFailure({ error: 'temporarily_unavailable' })).toBe('PROVIDER_UNAVAILABLE');
    expect(refreshFailure(undefined)).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('session limits', () => {
  it('ends after 30 minutes unused, or 12 hours after sign-in however busy', () => {
    expect(sessionEnd({ createdAt: NOW - 60_000, lastSeenAt: NOW - 29 * 60_000 }, limits, NOW)).toBeUndefined();
    expect(sessionEnd({ createdAt: NOW - 60 * 60_000, lastSeenAt: NOW - 30 * 60_000 }, limits, NOW)).toBe('IDLE');
    expect(sessionEnd({ createdAt: NOW - 12 * 3600_000, lastSeenAt: NOW - 1000 }, limits, NOW)).toBe('ABSOLUTE');
  });

  it('expires at the earlier of the idle and the absolute limit', () => {
    expect(sessionExpiresAt({ createdAt: NOW, lastSeenAt: NOW }, limits)).toBe(NOW + 30 * 60_000);
    expect(sessionExpiresAt({ createdAt: NOW - 12 * 3600_000 + 60_000, lastSeenAt: NOW }, limits)).toBe(NOW + 60_000);
  });
});

describe('the person from the tokens', () => {
  it('takes username, role and scope from the access token and the name from the ID token', () => {
    expect(
      personFrom({ preferred_username: 'kasir.tgr', role: 'venue', titipan_scope: 'IMI-TGR-LOUNGE' }, { name: 'Siti Aminah' }),
    ).toEqual({
      username: 'kasir.tgr',
      name: 'Siti Aminah',
      role: 'venue',
      scope: 'IMI-TGR-LOUNGE',
    });
    expect(personFrom({ preferred_username: 'analis', role: 'ministry' }, undefined)).toEqual({
      username: 'analis',
      name: 'analis',
      role: 'ministry',
      scope: null,
    });
  });
});
