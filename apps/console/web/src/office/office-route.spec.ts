import { matchRoute, type OfficeRoute } from './office-route';

const Page = () => null;
const routes: OfficeRoute[] = [
  { path: '/produk', label: 'a', Page },
  { path: '/produk/:id', Page },
  { path: '/dokumen/surat-jalan/:id', Page },
];

describe('matchRoute', () => {
  it('matches a plain path exactly', () => {
    expect(matchRoute(routes, '/produk')?.route).toBe(routes[0]);
    expect(matchRoute(routes, '/produk')?.param).toBeUndefined();
  });

  it('hands the segment after an /:id route to the page, decoded', () => {
    expect(matchRoute(routes, '/produk/ab%20c')).toEqual({ route: routes[1], param: 'ab c' });
    expect(matchRoute(routes, '/dokumen/surat-jalan/42')).toEqual({ route: routes[2], param: '42' });
  });

  it('matches nothing for an unknown path, an empty segment or a deeper one', () => {
    expect(matchRoute(routes, '/lain')).toBeUndefined();
    expect(matchRoute(routes, '/produk/')).toBeUndefined();
    expect(matchRoute(routes, '/produk/1/2')).toBeUndefined();
  });
});
