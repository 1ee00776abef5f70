/** The three services; each owns the Postgres schema of the same name and logs in as its own role. */
export const SERVICES = ['catalog', 'consignment', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function schemaOf(service: ServiceName): string {
  return service;
}

export function roleOf(service: ServiceName): string {
  return `titipan_${service}`;
}
