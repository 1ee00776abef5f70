import { DomainError } from '@titipan/kernel';
import { generateKeyPairSync } from 'node:crypto';
import { jwtVerify } from 'jose';
import { mintToken } from './mint-token';
import { actorFromClaims, assertInScope } from './tokens';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('token claims', () => {
  it('turns claims into an actor', () => {
    expect(actorFromClaims({ sub: 'siti', role: 'upt', titipan_scope: 'LP-TGR-1' })).toEqual({
      id: 'siti',
      role: 'upt',
      scope: 'LP-TGR-1',
    });
    expect(actorFromClaims({ sub: 'f3a1', role: 'venue', titipan_scope: 'IMI-TGR-LOUNGE', preferred_username: 'kasir.tgr' })).toEqual({
      id: 'f3a1',
      role: 'venue',
      scope: 'IMI-TGR-LOUNGE',
      username: 'kasir.tgr',
    });
    expect(actorFromClaims({ sub: 'ops', role: 'ministry', titipan_scope: 'ignored' })).toEqual({
      id: 'ops',
      role: 'ministry',
      scope: null,
    });
  });

  it('refuses unknown roles, the system role, and scoped roles without a scope', () => {
    expect(codeOf(() => actorFromClaims({ sub: 'x', role: 'janitor' as never }))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromClaims({ sub: 'x', role: 'system' }))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromClaims({ sub: 'x', role: 'venue' }))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromClaims({ role: 'admin' }))).toBe('TOKEN_INVALID');
  });

  const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = keyPair();
  const signingKey = { kid: 'dev-test', privateKey: key.privateKey };

  it("mints ES256 tokens for one service that verify with the key pair's public half only", async () => {
    const token = mintToken(signingKey, { service: 'catalog', role: 'curator', scope: 'KW-BANTEN' });
    const { payload, protectedHeader } = await jwtVerify(token, key.publicKey);
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: 'dev-test', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: 'curator@KW-BANTEN',
      role: 'curator',
      titipan_scope: 'KW-BANTEN',
      preferred_username: 'curator@KW-BANTEN',
      iss: 'titipan-development',
      aud: 'titipan-catalog',
    });
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
    await expect(jwtVerify(token, keyPair().publicKey)).rejects.toThrow(/signature verification failed/);
    expect(() => mintToken(signingKey, { service: 'catalog', role: 'upt' })).toThrow(/scope/);
  });

  it('mints no token the services would refuse for its lifetime', () => {
    expect(codeOf(() => mintToken(signingKey, { service: 'reporting', role: 'admin', expiresIn: '12h' }))).toBe('none');
    expect(codeOf(() => mintToken(signingKey, { service: 'reporting', role: 'admin', expiresIn: '13h' }))).toBe('TOKEN_LIFETIME_TOO_LONG');
  });
});

describe('scope', () => {
  const upt = { id: 'a', role: 'upt' as const, scope: 'LP-TGR-1' };
  const curator = { id: 'b', role: 'curator' as const, scope: 'KW-BANTEN' };
  const venue = { id: 'c', role: 'venue' as const, scope: 'IMI-TGR-LOUNGE' };
  const ministry = { id: 'd', role: 'ministry' as const, scope: null };

  it('lets an actor act on its own organisation', () => {
    expect(codeOf(() => assertInScope(upt, 'upt', 'LP-TGR-1'))).toBe('none');
    expect(codeOf(() => assertInScope(venue, 'venue', 'IMI-TGR-LOUNGE'))).toBe('none');
    expect(codeOf(() => assertInScope(ministry, 'upt', 'LP-SRG'))).toBe('none');
  });

  it('lets a Kanwil-scoped actor act on the UPTs of its Kanwil only', () => {
    expect(codeOf(() => assertInScope(curator, 'upt', 'LP-TGR-1', 'KW-BANTEN'))).toBe('none');
    expect(codeOf(() => assertInScope(curator, 'upt', 'LP-CIPINANG', 'KW-DKI'))).toBe('OUT_OF_SCOPE');
  });

  it('refuses another organisation with a message saying why', () => {
    try {
      assertInScope(upt, 'upt', 'LP-SRG');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('forbidden');
      expect((e as DomainError).message).toBe('upt of LP-TGR-1 may not act on upt LP-SRG');
    }
    expect(codeOf(() => assertInScope(venue, 'upt', 'LP-TGR-1'))).toBe('OUT_OF_SCOPE');
  });
});
