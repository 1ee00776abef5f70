import { ConfigError } from '@titipan/platform';
import { loadConsoleConfig } from './console-config';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConsoleConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('console settings', () => {
  const issuer = { OIDC_ISSUER: 'https://sso.example.go.id/realms/titipan' };

  it('is production when NODE_ENV is unset: the https origin must be named', () => {
    expect(problemsOf(issuer).join()).toMatch(/CONSOLE_PUBLIC_URL \(missing\)/);
    expect(problemsOf({ ...issuer, CONSOLE_PUBLIC_URL: 'http://console.example.go.id' }).join()).toMatch(/must be https/);
    expect(problemsOf({ ...issuer, CONSOLE_PUBLIC_URL: 'https://console.example.go.id' })).toEqual([]);
  });

  it('needs the issuer, and an origin without a path', () => {
    expect(problemsOf({ NODE_ENV: 'development' }).join()).toMatch(/OIDC_ISSUER/);
    expect(problemsOf({ ...issuer, NODE_ENV: 'development', CONSOLE_PUBLIC_URL: 'http://127.0.0.1:3000/app' }).join()).toMatch(
      /CONSOLE_PUBLIC_URL/,
    );
  });

  it('outside production defaults to the local stack', () => {
    const config = loadConsoleConfig({ ...issuer, NODE_ENV: 'development' });
    expect(config.publicOrigin).toBe('http://127.0.0.1:3000');
    expect(config.callbackUrl).toBe('http://127.0.0.1:3000/auth/callback');
    expect([config.CATALOG_URL, config.CONSIGNMENT_URL, config.REPORTING_URL]).toEqual([
      'http://127.0.0.1:3001',
      'http://127.0.0.1:3002',
      'http://127.0.0.1:3003',
    ]);
    expect(config.SESSION_IDLE_MINUTES * 60).toBe(1800);
    expect(config.SESSION_ABSOLUTE_HOURS * 3600).toBe(43200);
  });
});
