import { KanwilRegistered, UptRegistered, type Actor } from '@titipan/contracts';
import { AuditStore, AuditTrail, OutboxStore, runInContext, UnitOfWork } from '@titipan/platform';
import type { DataSource } from 'typeorm';
import { AuditScopeStore } from '../../apps/catalog/src/audit/audit-scope.store';
import { CATALOG_MIGRATIONS } from '../../apps/catalog/src/database/migrations';
import { cleanUp } from '../support/clean-up';
import { TestEnvironment } from '../support/test-environment';

/** The audit trail's writing seam, the UnitOfWork, against real Postgres, logged in as the catalog's own role. */
describe('audit trail: written in the changing transaction, append-only', () => {
  let env: TestEnvironment;
  let ds: DataSource;
  let uow: UnitOfWork;
  const admin: Actor = { id: 'admin-siti', role: 'admin', scope: null };
  const upt = {
    code: 'LP-AUD-1',
    name: 'Lapas Audit',
    type: 'LAPAS' as const,
    class: 'I' as const,
    kanwilCode: 'KW-AUDIT',
    satkerCode: '499001',
  };

  const entries = async (correlationId: string) =>
    ds.query<Record<string, unknown>[]>(`SELECT * FROM audit_entry WHERE correlation_id = $1 ORDER BY position`, [correlationId]);
  const asAdmin = <R>(correlationId: string, work: () => Promise<R>) => runInContext({ correlationId, actor: admin }, work);

  beforeAll(async () => {
    env = await TestEnvironment.create(1);
    ds = await env.dataSource('catalog', CATALOG_MIGRATIONS);
    uow = new UnitOfWork(ds, new OutboxStore(ds), 'catalog', new AuditTrail(new AuditStore(), new AuditScopeStore()));
  });
  afterAll(() => cleanUp(() => env?.dispose()));

  it("writes an entry per event with the actor, correlation id, entity, id, event and the entity's scope", async () => {
    const event = await asAdmin('corr-audit-1', () =>
      uow.run(async (tx) => {
        await tx.manager.query(`INSERT INTO kanwil (code, name, created_by) VALUES ('KW-AUDIT', 'Kanwil Audit', 'admin-siti')`);
        await tx.manager.query(
          `INSERT INTO upt (code, name, type, class, kanwil_code, satker_code, created_by) VALUES ($1, $2, $3, $4, $5, $6, 'admin-siti')`,
          [upt.code, upt.name, upt.type, upt.class, upt.kanwilCode, upt.satkerCode],
        );
        tx.publish(KanwilRegistered, { code: 'KW-AUDIT', name: 'Kanwil Audit' });
        return tx.publish(UptRegistered, upt);
      }),
    );
    const rows = await entries('corr-audit-1');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_id: 'admin-siti',
      actor_role: 'admin',
      actor_scope: null,
      correlation_id: 'corr-audit-1',
      causation_id: null,
      action: 'catalog.upt.registered',
      entity: 'upt',
      entity_id: 'LP-AUD-1',
      event_id: event.id,
      before: null,
      after: null,
      venue_code: null,
      upt_code: 'LP-AUD-1',
      kanwil_codes: ['KW-AUDIT'],
    });
    expect(rows[0]).toMatchObject({ entity: 'kanwil', entity_id: 'KW-AUDIT', upt_code: null, kanwil_codes: ['KW-AUDIT'] });
    expect(Math.abs((rows[1].at as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('gives an event of the transaction the before and after a use case describes for the same entity', async () => {
    await asAdmin('corr-audit-2', () =>
      uow.run(async (tx) => {
        tx.audit({
          entity: 'upt',
          id: 'LP-AUD-1',
          action: 'catalog.upt.renamed',
          before: { name: 'Lapas Audit' },
          after: { name: 'Lapas Audit I' },
        });
        tx.publish(UptRegistered, { ...upt, name: 'Lapas Audit I' });
      }),
    );
    const rows = await entries('corr-audit-2');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'catalog.upt.registered', before: { name: 'Lapas Audit' }, after: { name: 'Lapas Audit I' } });
  });

  it('writes no entry, like no event, when the transaction rolls back', async () => {
    await expect(
      asAdmin('corr-audit-3', () =>
        uow.run(async (tx) => {
          tx.publish(KanwilRegistered, { code: 'KW-GHOST', name: 'Ghost' });
          tx.audit({ entity: 'kanwil', id: 'KW-GHOST', action: 'catalog.kanwil.renamed', after: { name: 'Ghost' } });
          throw new Error('business rule failed');
        }),
      ),
    ).rejects.toThrow('business rule failed');
    expect(await entries('corr-audit-3')).toEqual([]);
    const [{ n }] = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = 'KW-GHOST'`);
    expect(n).toBe(0);
  });

  it('records a change outside any request as the service itself, its event and entry under one correlation id', async () => {
    const event = await uow.run(async (tx) => {
      tx.audit({ entity: 'kanwil', id: 'KW-AUDIT', action: 'catalog.kanwil.checked' });
      return tx.publish(KanwilRegistered, { code: 'KW-SYS', name: 'System' });
    });
    const rows = await entries(event.correlationId);
    expect(rows.map((r) => [r.actor_id, r.actor_role, r.entity_id])).toEqual([
      ['service:catalog', 'system', 'KW-AUDIT'],
      ['service:catalog', 'system', 'KW-SYS'],
    ]);
  });

  it('stores text with a lone surrogate, which a text column takes, as the text column does (U+FFFD)', async () => {
    await asAdmin('corr-audit-5', () =>
      uow.run(async (tx) => {
        tx.audit({ entity: 'kanwil', id: 'KW-AUDIT', action: 'catalog.kanwil.renamed', after: { name: 'Kanwil \uD800 Audit' } });
      }),
    );
    expect((await entries('corr-audit-5')).map((r) => r.after)).toEqual([{ name: 'Kanwil \uFFFD Audit' }]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of entries to the service's own role, and the owner's too", async () => {
    const [{ before }] = await ds.query<{ before: number }[]>(`SELECT count(*)::int AS before FROM audit_entry`);
    await expect(ds.query(`UPDATE audit_entry SET actor_id = 'someone-else'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(ds.query(`DELETE FROM audit_entry WHERE correlation_id = 'corr-audit-1'`)).rejects.toThrow(/append-only: DELETE refused/);
    // the runtime role has no TRUNCATE right at all (decision 0011); the trigger stops even the owner
    await expect(ds.query(`TRUNCATE audit_entry`)).rejects.toThrow(/permission denied for table audit_entry/);
    await expect(env.queryAsOwner('catalog', `TRUNCATE audit_entry`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(env.queryAsOwner('catalog', `DELETE FROM audit_entry`)).rejects.toThrow(/append-only: DELETE refused/);
    const [{ after }] = await ds.query<{ after: number }[]>(`SELECT count(*)::int AS after FROM audit_entry`);
    expect(after).toBe(before);
    expect((await entries('corr-audit-1')).map((r) => r.actor_id)).toEqual(['admin-siti', 'admin-siti']);
  });
});
