import { Client } from 'pg';
import { scramVerifier } from './scram';
import { DATABASE_ROLES, ownerRoleOf, roleOf, schemaOf, SERVICES } from './service-identity';

export interface ProvisionOptions {
  /** Superuser connection, e.g. postgres://postgres@127.0.0.1:5432/postgres */
  adminUrl: string;
  database: string;
  /** The password of each role of DATABASE_ROLES (setup keeps them in a local file or takes them from the environment). */
  passwordOf: (role: string) => string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`refusing unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Roles are cluster-wide: parallel runs (tests, setup) take this lock before creating or altering them. */
const PROVISION_LOCK = `SELECT pg_advisory_lock(hashtext('titipan.provision'))`;
const PROVISION_UNLOCK = `SELECT pg_advisory_unlock(hashtext('titipan.provision'))`;

/** SQLSTATEs of a CREATE that lost a race to a concurrent one: duplicate_object, unique_violation, duplicate_database. */
const CREATED_CONCURRENTLY = new Set(['42710', '23505', '42P04']);
const lostRace = (error: unknown) => CREATED_CONCURRENTLY.has((error as { code?: string }).code ?? '');

/**
 * Creates or updates every role of DATABASE_ROLES with its password: a login with no special rights.
 * The caller holds the provisioning lock; a CREATE that still loses a race (a run without the lock) becomes an ALTER.
 * No role is a member of another, so the runtime role can never SET ROLE to the owner.
 */
export async function ensureRoles(admin: Client, passwordOf: (role: string) => string): Promise<void> {
  for (const role of DATABASE_ROLES) {
    const password = passwordOf(role);
    if (!password) throw new Error(`no password for database role ${role}`);
    // the verifier, not the password, so no password is in a statement the server may log
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(scramVerifier(password))}`;
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (!exists.rowCount) {
      try {
        await admin.query(`CREATE ROLE ${ident(role)} ${attributes}`);
        continue;
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
    await admin.query(`ALTER ROLE ${ident(role)} ${attributes}`);
  }
  for (const service of SERVICES) await admin.query(`REVOKE ${ident(ownerRoleOf(service))} FROM ${ident(roleOf(service))}`);
}

/**
 * Creates the database and, per service, a schema owned by its owner role (migrations log in as it) and
 * used by its runtime role, which may read and write the tables but owns nothing: it cannot ALTER, DROP or
 * TRUNCATE them nor disable their triggers. Other roles get no rights on the schema, so a service cannot read
 * another's. A database from before the split (tables owned by the runtime role) is handed to the owner.
 * Safe to run again, and alongside other runs on the same cluster.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<void> {
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await admin.query(PROVISION_LOCK);
    try {
      await ensureRoles(admin, options.passwordOf);
    } finally {
      await admin.query(PROVISION_UNLOCK);
    }
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!db.rowCount) {
      try {
        await admin.query(`CREATE DATABASE ${ident(options.database)}`);
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
  } finally {
    await admin.end();
  }

  const client = new Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await client.connect();
  try {
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    for (const service of SERVICES) await grantSchema(client, options.database, service);
  } finally {
    await client.end();
  }
}

async function grantSchema(client: Client, database: string, service: (typeof SERVICES)[number]): Promise<void> {
  const owner = ident(ownerRoleOf(service));
  const runtime = ident(roleOf(service));
  const schema = ident(schemaOf(service));
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${owner}`,
    `ALTER SCHEMA ${schema} OWNER TO ${owner}`,
    // before the split the runtime role owned the tables; in this database it now owns nothing
    `REASSIGN OWNED BY ${runtime} TO ${owner}`,
    `REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`,
    `REVOKE ALL ON SCHEMA ${schema} FROM ${runtime}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${runtime}`,
    // what the runtime role may do with the tables there are, and with every one the owner creates later
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${runtime}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schema} FROM ${runtime}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${runtime}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${runtime}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${runtime}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT EXECUTE ON FUNCTIONS TO ${runtime}`,
    `ALTER ROLE ${owner} IN DATABASE ${ident(database)} SET search_path = ${schema}`,
    `ALTER ROLE ${runtime} IN DATABASE ${ident(database)} SET search_path = ${schema}`,
  ];
  for (const sql of statements) await client.query(sql);
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
