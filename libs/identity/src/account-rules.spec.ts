import { firstRefusal } from '@titipan/kernel';
import { ACCOUNT_RULES, SCOPE_OWNER_RULES, scopeToCheck, type AccountCandidate } from './account-rules';

const judge = (candidate: AccountCandidate) => firstRefusal(ACCOUNT_RULES, candidate)?.code;

describe('account rules', () => {
  it('takes a well-formed person for each role, with a code exactly for the scoped roles', () => {
    expect(judge({ username: 'kasir.tgr', role: 'venue', scope: 'IMI-TGR-LOUNGE' })).toBeUndefined();
    expect(judge({ username: 'clerk_lp-tgr-1', role: 'upt', scope: 'LP-TGR-1' })).toBeUndefined();
    expect(judge({ username: 'curator.banten', role: 'curator', scope: 'KW-BANTEN' })).toBeUndefined();
    expect(judge({ username: 'analyst', role: 'ministry' })).toBeUndefined();
    expect(judge({ username: 'ops', role: 'admin', scope: null })).toBeUndefined();
  });

  it.each([
    ['KASIR', 'venue', 'IMI-TGR-LOUNGE', 'USERNAME_INVALID'],
    ['ab', 'venue', 'IMI-TGR-LOUNGE', 'USERNAME_INVALID'],
    ['kasir tgr', 'venue', 'IMI-TGR-LOUNGE', 'USERNAME_INVALID'],
    ['kasir.tgr', 'cashier', 'IMI-TGR-LOUNGE', 'ROLE_UNKNOWN'],
    ['kasir.tgr', 'system', null, 'ROLE_UNKNOWN'],
    ['kasir.tgr', 'venue', null, 'SCOPE_REQUIRED'],
    ['kanwil.reader', 'kanwil', '', 'SCOPE_REQUIRED'],
    ['analyst', 'ministry', 'KW-BANTEN', 'SCOPE_NOT_ALLOWED'],
    ['kasir.tgr', 'venue', 'imi-tgr-lounge', 'SCOPE_INVALID'],
    ['kasir.tgr', 'venue', 'A-CODE-FAR-TOO-LONG-FOR-US', 'SCOPE_INVALID'],
  ])('refuses username %s, role %s, scope %s as %s', (username, role, scope, code) => {
    expect(judge({ username, role, scope })).toBe(code);
  });

  it('judges in order: the username before the role before the scope', () => {
    expect(judge({ username: 'X', role: 'cashier', scope: 'lower' })).toBe('USERNAME_INVALID');
    expect(judge({ username: 'kasir', role: 'cashier', scope: 'lower' })).toBe('ROLE_UNKNOWN');
  });

  it('asks the owner only of scoped roles, for the kind of organisation the role names', () => {
    expect(scopeToCheck({ username: 'a.b', role: 'venue', scope: 'IMI-TGR-LOUNGE' })).toEqual({ kind: 'venue', code: 'IMI-TGR-LOUNGE' });
    expect(scopeToCheck({ username: 'a.b', role: 'upt', scope: 'LP-TGR-1' })).toEqual({ kind: 'upt', code: 'LP-TGR-1' });
    expect(scopeToCheck({ username: 'a.b', role: 'curator', scope: 'KW-BANTEN' })).toEqual({ kind: 'kanwil', code: 'KW-BANTEN' });
    expect(scopeToCheck({ username: 'a.b', role: 'kanwil', scope: 'KW-BANTEN' })).toEqual({ kind: 'kanwil', code: 'KW-BANTEN' });
    expect(scopeToCheck({ username: 'a.b', role: 'admin' })).toBeUndefined();
  });

  it('refuses a code its owner does not know, with the kind and the code', () => {
    const candidate = { username: 'kasir.tgr', role: 'venue', scope: 'IMI-NOWHERE' };
    expect(firstRefusal(SCOPE_OWNER_RULES, { ...candidate, scopeFound: false })).toEqual({
      code: 'SCOPE_UNKNOWN',
      message: 'no venue has the code IMI-NOWHERE: register it first, or check the code',
      details: { field: 'scope', kind: 'venue', code: 'IMI-NOWHERE' },
    });
    expect(firstRefusal(SCOPE_OWNER_RULES, { ...candidate, scopeFound: true })).toBeUndefined();
  });
});
