import { routePattern } from './http-metrics.middleware';

describe('the route label of an HTTP request', () => {
  it('is the pattern of the route that answered, never the URL', () => {
    expect(routePattern({ baseUrl: '', route: { path: '/agreements/:id' } })).toBe('/agreements/:id');
  });

  it('is one value for every path no route matched (Nest answers those from a catch-all)', () => {
    expect(routePattern({ baseUrl: '', route: undefined })).toBe('unmatched');
    expect(routePattern({ baseUrl: '', route: { path: '/{*path}' } })).toBe('unmatched');
  });
});
