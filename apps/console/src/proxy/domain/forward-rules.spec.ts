import { forwardTarget, isJsonContentType, pickHeaders, upstreamUrl } from './forward-rules';

describe('what the console forwards', () => {
  it('maps /api/<service>/<path> to the service, query and encoding kept', () => {
    expect(forwardTarget('/api/consignment/stock?venue=IMI-TGR-LOUNGE&bucket=SELLABLE')).toEqual({
      service: 'consignment',
      pathAndQuery: '/stock?venue=IMI-TGR-LOUNGE&bucket=SELLABLE',
    });
    expect(forwardTarget('/api/reporting/statements/a%2Fb/pdf')).toEqual({ service: 'reporting', pathAndQuery: '/statements/a%2Fb/pdf' });
  });

  it('knows no other prefix', () => {
    expect(forwardTarget('/api/keycloak/admin')).toBeUndefined();
    expect(forwardTarget('/api/session')).toBeUndefined();
    expect(forwardTarget('/api/catalog')).toBeUndefined();
    expect(forwardTarget('/auth/login')).toBeUndefined();
  });

  it('never leaves the service host, whatever the path', () => {
    const base = 'http://127.0.0.1:3001';
    for (const path of ['//evil.example/x', '/../../x', '/@evil.example', '/%2F%2Fevil.example']) {
      const url = upstreamUrl(base, { service: 'catalog', pathAndQuery: path });
      expect(url === undefined || new URL(url).origin === base).toBe(true);
    }
  });

  it('passes only the named headers', () => {
    expect(pickHeaders({ accept: 'application/json', cookie: 'titipan_console=x', authorization: 'Bearer y' }, ['accept'])).toEqual({
      accept: 'application/json',
    });
  });

  it('forwards JSON bodies only', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/merge-patch+json')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});
