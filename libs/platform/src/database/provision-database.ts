import { Client } from 'pg';
import { roleOf, schemaOf, SERVICES, type ServiceName } from './service-identity';

export interface ProvisionOptions {
  /** Superuser connection, e.g. postgres://postgres@127.0.0.1:5432/postgres */
  adminUrl: string;
  database: string;
  /** Password given to every service role; with trust auth locally it is not checked. */
  passwordOf?: (service: ServiceName) => string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`refusing unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates the database, one login role per service and one schema per service owned by that role.
 * Other roles get no rights on it, so a service cannot read another's schema. Safe to run again.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<void> {
  const passwordOf = options.passwordOf ?? ((s) => roleOf(s));
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    // roles are cluster-wide; a lock keeps parallel test runs from racing to create them
    await admin.query(`SELECT pg_advisory_lock(hashtext('titipan.provision'))`);
    for (const service of SERVICES) {
      const role = roleOf(service);
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await admin.query(
        `${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${passwordOf(service).replace(/'/g, "''")}'`,
      );
    }
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!db.rowCount) await admin.query(`CREATE DATABASE ${ident(options.database)}`);
    await admin.query(`SELECT pg_advisory_unlock(hashtext('titipan.provision'))`);
  } finally {
    await admin.end();
  }

  const client = new Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await client.connect();
  try {
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    for (const service of SERVICES) {
      const role = ident(roleOf(service));
      const schema = ident(schemaOf(service));
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`);
      await client.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
      await client.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
      await client.query(`ALTER ROLE ${role} IN DATABASE ${ident(options.database)} SET search_path = ${schema}`);
    }
  } finally {
    await client.end();
  }
}

/** Drops a database (used by tests to leave nothing behind); ends open connections first. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
