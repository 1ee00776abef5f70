import { DomainError } from '@titipan/kernel';
import type { AuditChange, UnitOfWork } from '@titipan/platform';
import type { Account, UserAdmin } from '@titipan/identity';
import { UserAccountService } from './user-account.service';

const account: Account = {
  id: '0b8c7e1e-0000-4000-8000-000000000001',
  username: 'kasir.tgr',
  enabled: true,
  role: 'venue',
  scope: 'IMI-TGR-LOUNGE',
  name: null,
  email: null,
  createdAt: '2026-11-30T00:00:00.000Z',
};

function withUsers(users: Partial<UserAdmin>) {
  const audited: AuditChange[] = [];
  const published: { type: string; data: unknown }[] = [];
  const uow = {
    run: async (work: (tx: unknown) => Promise<unknown>) =>
      work({
        audit: (change: AuditChange) => audited.push(change),
        publish: (definition: { type: string }, data: unknown) => published.push({ type: definition.type, data }),
      }),
  };
  return { service: new UserAccountService({ users: users as UserAdmin }, uow as unknown as UnitOfWork), audited, published };
}

describe('UserAccountService', () => {
  it('answers 503 USER_ADMIN_NOT_CONFIGURED naming the missing settings, without calling anything', async () => {
    const service = new UserAccountService({ missing: ['USER_ADMIN_CLIENT_SECRET'] }, {} as UnitOfWork);
    const refused = await service.get('kasir.tgr').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      kind: 'unavailable',
      code: 'USER_ADMIN_NOT_CONFIGURED',
      details: { missing: ['USER_ADMIN_CLIENT_SECRET'] },
    });
  });

  it('answers a generated password once, and the audit trail never holds one', async () => {
    const { service, audited, published } = withUsers({
      add: async () => ({ account, generatedPassword: 'generated-secret-1' }),
      setPassword: async () => ({ generatedPassword: 'generated-secret-2' }),
    });
    expect(await service.create({ username: 'kasir.tgr', role: 'venue', scope: 'IMI-TGR-LOUNGE', password: undefined })).toEqual({
      ...account,
      initialPassword: 'generated-secret-1',
    });
    expect(await service.setPassword('kasir.tgr')).toEqual({ username: 'kasir.tgr', initialPassword: 'generated-secret-2' });
    expect(audited.map((a) => a.action)).toEqual(['catalog.user-account.created', 'catalog.user-account.password-set']);
    expect(audited[0]).toMatchObject({
      entity: 'user-account',
      id: 'kasir.tgr',
      scopeKey: null,
      after: { role: 'venue', scope: 'IMI-TGR-LOUNGE' },
    });
    expect(JSON.stringify(audited)).not.toMatch(/generated-secret|password"/);
    // the new account is announced (the notification service addresses people from it); a password change is not
    expect(published).toEqual([
      {
        type: 'catalog.person.changed',
        data: {
          personId: account.id,
          username: 'kasir.tgr',
          role: 'venue',
          scope: 'IMI-TGR-LOUNGE',
          name: null,
          email: null,
          enabled: true,
        },
      },
    ]);
    expect(JSON.stringify(published)).not.toMatch(/generated-secret/);
  });

  it('pages and filters the list', async () => {
    const accounts: Account[] = ['a', 'b', 'c', 'd'].map((u, i) => ({ ...account, username: u, role: i % 2 ? 'upt' : 'venue' }));
    const { service } = withUsers({ list: async () => accounts });
    expect(await service.list({ limit: 1, offset: 1 })).toEqual({ items: [accounts[1]], total: 4, limit: 1, offset: 1 });
    expect(await service.list({ role: 'upt', limit: 50, offset: 0 })).toMatchObject({ items: [accounts[1], accounts[3]], total: 2 });
  });
});
