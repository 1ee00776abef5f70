import { statSync } from 'node:fs';
import { DatabaseMigrator, DATABASE_ROLES, ensureRoles, ownerRoleOf, provisionDatabase, roleOf, scramAccepts } from '@titipan/platform';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CATALOG_MIGRATIONS } from '../../apps/catalog/src/database/migrations';
import { CONSIGNMENT_MIGRATIONS } from '../../apps/consignment/src/database/migrations';
import { REPORTING_MIGRATIONS } from '../../apps/reporting/src/database/migrations';
import { dbPassword, DB_PASSWORDS_FILE } from '../../tools/db-passwords';
import { cleanUp } from '../support/clean-up';
import { TestEnvironment } from '../support/test-environment';
import { ADMIN_URL } from '../support/test-settings';

/** Integrity below the service: each service runs as a role that can use its tables but not change, empty or unguard them. */
describe('database roles: migrations as the owner, services as a runtime role that owns nothing', () => {
  let env: TestEnvironment;
  let consignment: DataSource;
  let reporting: DataSource;
  /** A superuser session in the test's database. */
  const asSuperuser = async <T>(work: (client: Client) => Promise<T>, database = env.database): Promise<T> => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    env = await TestEnvironment.create(1);
    consignment = await env.dataSource('consignment', CONSIGNMENT_MIGRATIONS);
    reporting = await env.dataSource('reporting', REPORTING_MIGRATIONS);
  });
  afterAll(() => cleanUp(() => env?.dispose()));

  it('gives every role the random password the services are given, not its name; only its owner can read the file', async () => {
    expect(statSync(DB_PASSWORDS_FILE).mode & 0o777).toBe(0o600);
    // under the provisioning lock, so a parallel run's provisioning cannot change a password between setting and reading it
    const stored = await asSuperuser(async (admin) => {
      await admin.query(`SELECT pg_advisory_lock(hashtext('titipan.provision'))`);
      try {
        await ensureRoles(admin, dbPassword);
        const { rows } = await admin.query(
          `SELECT rolname, rolpassword, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb FROM pg_authid WHERE rolname = ANY($1)`,
          [DATABASE_ROLES],
        );
        return rows as {
          rolname: string;
          rolpassword: string;
          rolcanlogin: boolean;
          rolsuper: boolean;
          rolcreaterole: boolean;
          rolcreatedb: boolean;
        }[];
      } finally {
        await admin.query(`SELECT pg_advisory_unlock(hashtext('titipan.provision'))`);
      }
    }, 'postgres');
    expect(stored.map((r) => r.rolname).sort()).toEqual([...DATABASE_ROLES].sort());
    for (const role of stored) {
      expect({ role: role.rolname, accepted: scramAccepts(role.rolpassword, dbPassword(role.rolname)) }).toEqual({
        role: role.rolname,
        accepted: true,
      });
      expect(scramAccepts(role.rolpassword, role.rolname)).toBe(false);
      expect(role).toMatchObject({ rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    }
    expect(new Set(DATABASE_ROLES.map(dbPassword)).size).toBe(DATABASE_ROLES.length);
  });

  it('owns every table and the schema by the owner role; the runtime role is no member of it', async () => {
    const owners = await asSuperuser(async (admin) => {
      const { rows } = await admin.query(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'consignment' UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'consignment'`,
      );
      return rows.map((r: { owner: string }) => r.owner);
    });
    expect(owners).toEqual([ownerRoleOf('consignment')]);
    await expect(consignment.query(`SET ROLE ${ownerRoleOf('consignment')}`)).rejects.toThrow(/permission denied to set role/);
  });

  it('lets the consignment runtime role neither alter nor truncate the ledger, nor disable or drop its immutability trigger', async () => {
    await expect(consignment.query(`SELECT count(*)::int AS n FROM stock_movement`)).resolves.toEqual([{ n: 0 }]);
    const refusals = [
      [`ALTER TABLE stock_movement ADD COLUMN note text`, /must be owner of table stock_movement/],
      [`TRUNCATE stock_movement`, /permission denied for table stock_movement/],
      [`ALTER TABLE stock_movement DISABLE TRIGGER stock_movement_immutable`, /must be owner of table stock_movement/],
      [`ALTER TABLE stock_movement DISABLE TRIGGER ALL`, /must be owner of table stock_movement/],
      [`DROP TRIGGER stock_movement_immutable ON stock_movement`, /must be owner of (table|relation) stock_movement/],
      [
        `CREATE OR REPLACE FUNCTION stock_movement_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        /must be owner of function|permission denied for schema/,
      ],
      [`SET session_replication_role = replica`, /permission denied to set parameter "session_replication_role"/],
      [`DROP TABLE stock_movement`, /must be owner of table stock_movement/],
      [`CREATE TABLE intruder (x int)`, /permission denied for schema consignment/],
      [`DELETE FROM migrations`, /permission denied for table migrations/],
    ] as const;
    for (const [sql, refusal] of refusals) await expect(consignment.query(sql)).rejects.toThrow(refusal);
  });

  describe('an issued statement, written by the reporting runtime role', () => {
    const issue = async (status = 'ISSUED') => {
      const [{ id }] = await reporting.query(
        `INSERT INTO statement (id, agreement_id, period, status, figures, digest, issued_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), '2026-10', $1, '{"venuePays": 1250000}', 'sha256:abc', now()) RETURNING id`,
        [status],
      );
      return id as string;
    };
    const figuresOf = async (id: string) => (await reporting.query(`SELECT status, figures, digest FROM statement WHERE id = $1`, [id]))[0];

    it('refuses changes to its figures and digest, its deletion, and unguarding or emptying the table', async () => {
      const id = await issue();
      const refusals = [
        [`UPDATE statement SET figures = '{"venuePays": 1}' WHERE id = $1`, /is issued: its figures and digest cannot change/],
        [`UPDATE statement SET digest = 'sha256:forged' WHERE id = $1`, /is issued: its figures and digest cannot change/],
        [
          `UPDATE statement SET figures = figures - 'venuePays', digest = NULL WHERE id = $1`,
          /is issued: its figures and digest cannot change/,
        ],
        [`UPDATE statement SET status = 'PENDING' WHERE id = $1`, /its status cannot go back to PENDING/],
        [`DELETE FROM statement WHERE id = $1`, /is issued and cannot be deleted/],
        [`ALTER TABLE statement DISABLE TRIGGER issued_statement_immutable`, /must be owner of table statement/],
        [`TRUNCATE statement`, /permission denied for table statement/],
      ] as const;
      for (const [sql, refusal] of refusals) {
        await expect(reporting.query(sql, sql.includes('$1') ? [id] : [])).rejects.toThrow(refusal);
      }
      expect(await figuresOf(id)).toEqual({ status: 'ISSUED', figures: { venuePays: 1250000 }, digest: 'sha256:abc' });
    });

    it('still records payment and deposit, forward only, and leaves pending statements free to recompute', async () => {
      const id = await issue();
      await reporting.query(
        `UPDATE statement SET status = 'PAID', paid_amount = 1250000, paid_on = '2026-11-03', transfer_reference = 'TRF-1', paid_by = 'venue', updated_at = now() WHERE id = $1`,
        [id],
      );
      await reporting.query(
        `UPDATE statement SET status = 'DEPOSITED', simponi_billing_code = '820251103001', ntpn = 'NTPN0001', deposited_on = '2026-11-04', deposited_by = 'upt' WHERE id = $1`,
        [id],
      );
      await expect(reporting.query(`UPDATE statement SET status = 'PAID' WHERE id = $1`, [id])).rejects.toThrow(/cannot go back to PAID/);
      expect(await figuresOf(id)).toMatchObject({ status: 'DEPOSITED', digest: 'sha256:abc' });

      const pending = await issue('PENDING');
      await reporting.query(`UPDATE statement SET figures = '{"venuePays": 7}', status = 'ISSUED', digest = 'sha256:new' WHERE id = $1`, [
        pending,
      ]);
      expect(await figuresOf(pending)).toEqual({ status: 'ISSUED', figures: { venuePays: 7 }, digest: 'sha256:new' });
    });
  });

  it('refuses to start a service whose login owns its tables, and one whose migrations are pending', async () => {
    const catalog = await env.dataSource('catalog', CATALOG_MIGRATIONS);
    const startUp = (migrateOnStart: boolean) =>
      new DatabaseMigrator(
        catalog,
        { ...env.config('catalog'), DB_MIGRATE_ON_START: migrateOnStart },
        'catalog',
        CATALOG_MIGRATIONS,
      ).onModuleInit();
    await expect(startUp(false)).resolves.toBeUndefined();
    // a database provisioned before the split: the runtime role owned its tables
    await asSuperuser((admin) => admin.query(`ALTER TABLE catalog.outbox OWNER TO ${roleOf('catalog')}`));
    await expect(startUp(true)).rejects.toThrow(
      /titipan_catalog owns outbox, outbox_position_seq in schema catalog; a service runs as a role that owns nothing/,
    );
    // provisioning again hands it to the owner
    await provisionDatabase({ adminUrl: ADMIN_URL, database: env.database, passwordOf: dbPassword });
    await expect(startUp(true)).resolves.toBeUndefined();

    const reportingBehind = new DatabaseMigrator(reporting, { ...env.config('reporting'), DB_MIGRATE_ON_START: false }, 'reporting', []);
    await asSuperuser((admin) => admin.query(`DELETE FROM reporting.migrations WHERE name = 'ReplayTableFunctions1700000010200'`));
    await expect(reportingBehind.onModuleInit()).rejects.toThrow(/1 migration\(s\) pending \(ReplayTableFunctions1700000010200\)/);
  });
});
