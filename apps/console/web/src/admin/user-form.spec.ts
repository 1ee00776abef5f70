import { emptyUser, scopeKindOf, userProblems, userRequest, withRole } from './user-form';

describe('the new person form', () => {
  it('asks a scoped role for its code, and a national role for none', () => {
    const cashier = { ...emptyUser(), username: 'kasir.kpg', role: 'venue' };
    expect(userProblems(cashier)).toEqual([{ field: 'scope', problem: 'choose' }]);
    expect(userProblems({ ...cashier, scope: 'IMI-KPG' })).toEqual([]);
    expect(userRequest({ ...cashier, scope: 'IMI-KPG', name: ' Yanti ' })).toEqual({
      username: 'kasir.kpg',
      role: 'venue',
      scope: 'IMI-KPG',
      name: 'Yanti',
    });
    expect(userRequest({ ...cashier, role: 'ministry', scope: 'IMI-KPG' })).toEqual({ username: 'kasir.kpg', role: 'ministry' });
  });

  it('knows what each role is scoped to', () => {
    expect(['upt', 'curator', 'kanwil', 'venue', 'ministry', 'admin'].map(scopeKindOf)).toEqual([
      'upt',
      'kanwil',
      'kanwil',
      'venue',
      undefined,
      undefined,
    ]);
  });

  it('keeps the scope code when the new role is scoped the same way, and clears it otherwise', () => {
    const curator = { ...emptyUser(), username: 'kurator.ntt', role: 'curator', scope: 'KW-NTT' };
    expect(withRole(curator, 'kanwil').scope).toBe('KW-NTT');
    expect(withRole(curator, 'upt').scope).toBe('');
  });

  it('refuses a username the provider does not take and an address that is no e-mail', () => {
    const problems = userProblems({ username: 'Kasir KPG', name: '', email: 'yanti@', role: 'admin', scope: '' });
    expect(problems.map((p) => `${p.field}:${p.problem}`)).toEqual(['username:username', 'email:email']);
  });
});
