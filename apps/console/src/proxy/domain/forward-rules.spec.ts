import { bodyKindOf, bodyLimitOf, forwardTarget, isJsonContentType, pickHeaders, upstreamUrl, type BodyRequest } from './forward-rules';

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

  describe('bodies', () => {
    const upload = (overrides: Partial<BodyRequest> = {}): BodyRequest => ({
      method: 'POST',
      target: forwardTarget('/api/catalog/products/0b7c3f0e-55d0-4c0e-9d63-3d1f2a9b8c01/attachments?kind=photo&filename=a.jpg'),
      contentType: 'image/jpeg',
      ...overrides,
    });

    it('forwards JSON to every service, whatever the path', () => {
      expect(bodyKindOf({ method: 'POST', target: forwardTarget('/api/consignment/venues'), contentType: 'application/json' })).toBe(
        'json',
      );
      expect(bodyKindOf(upload({ contentType: 'application/json; charset=utf-8' }))).toBe('json');
    });

    it('forwards a photo or a scan as a POST to catalog’s attachment upload, and nowhere else', () => {
      for (const contentType of ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'Application/PDF; name=x']) {
        expect(bodyKindOf(upload({ contentType }))).toBe('upload');
      }
      expect(bodyKindOf(upload({ method: 'PUT' }))).toBeUndefined();
      expect(bodyKindOf(upload({ target: forwardTarget('/api/consignment/products/x/attachments?kind=photo') }))).toBeUndefined();
      expect(bodyKindOf(upload({ target: forwardTarget('/api/catalog/products/x') }))).toBeUndefined();
      expect(bodyKindOf(upload({ target: forwardTarget('/api/catalog/products/x/attachments/y') }))).toBeUndefined();
      expect(bodyKindOf(upload({ target: forwardTarget('/api/catalog/products/x/y/attachments') }))).toBeUndefined();
      expect(bodyKindOf(upload({ target: undefined }))).toBeUndefined();
    });

    it('forwards no other type: text, forms, multipart, SVG, GIF, none', () => {
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'image/svg+xml',
        'image/gif',
        undefined,
      ]) {
        expect(bodyKindOf(upload({ contentType }))).toBeUndefined();
      }
    });

    it('reads an upload under the upload limit only with a session cookie; everything else under the JSON limit', () => {
      expect(bodyLimitOf({ ...upload(), hasSessionCookie: true })).toBe('upload');
      expect(bodyLimitOf({ ...upload(), hasSessionCookie: false })).toBe('json');
      expect(bodyLimitOf({ ...upload({ contentType: 'application/json' }), hasSessionCookie: true })).toBe('json');
      expect(bodyLimitOf({ ...upload({ contentType: 'text/plain' }), hasSessionCookie: true })).toBe('json');
    });
  });
});
