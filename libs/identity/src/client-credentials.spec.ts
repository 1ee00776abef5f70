import { keycloakOfIssuer } from './client-credentials';

describe('keycloakOfIssuer', () => {
  it('splits an issuer into the base URL and the realm', () => {
    expect(keycloakOfIssuer('http://127.0.0.1:8180/realms/titipan')).toEqual({ url: 'http://127.0.0.1:8180', realm: 'titipan' });
    expect(keycloakOfIssuer('https://id.example.go.id/auth/realms/titipan/')).toEqual({
      url: 'https://id.example.go.id/auth',
      realm: 'titipan',
    });
  });

  it.each(['titipan', 'http://127.0.0.1:8180', 'http://127.0.0.1:8180/realms/', 'ftp://host/realms/titipan', 'http://h/realms/a/b'])(
    'refuses %s',
    (issuer) => {
      expect(() => keycloakOfIssuer(issuer)).toThrow(/not a Keycloak issuer/);
    },
  );
});
