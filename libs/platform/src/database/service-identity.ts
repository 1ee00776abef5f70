/** The four services; each owns the Postgres schema of the same name. */
export const SERVICES = ['catalog', 'consignment', 'reporting', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function schemaOf(service: ServiceName): string {
  return service;
}

/** The role a service runs as: it reads and writes its tables but owns none of them (no DDL, no TRUNCATE, no trigger changes). */
export function roleOf(service: ServiceName): string {
  return `titipan_${service}`;
}

/** The role that owns a service's schema and tables; only migrations log in as it. */
export function ownerRoleOf(service: ServiceName): string {
  return `titipan_${service}_owner`;
}

/** Every database role of the services: per service its owner and its runtime role. */
export const DATABASE_ROLES: readonly string[] = SERVICES.flatMap((s) => [ownerRoleOf(s), roleOf(s)]);
