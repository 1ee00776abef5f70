import { SERVICES, type ServiceName } from '@titipan/platform';
import { runDemo } from '../../tools/demo/run-demo';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { freePort } from './free-port';
import type { TestEnvironment } from './test-environment';

export type RunningServices = Record<ServiceName, RunningService>;

/**
 * The four services as processes on free ports, in a test's own environment (into `services`, so afterAll can stop
 * them); `settings` adds to a service's environment, knowing the ports all of them got.
 */
export async function startServices(
  env: TestEnvironment,
  services: Partial<RunningServices>,
  settings: (service: ServiceName, ports: Record<ServiceName, number>) => Record<string, string> = () => ({}),
): Promise<void> {
  const ports = {} as Record<ServiceName, number>;
  for (const service of SERVICES) ports[service] = await freePort();
  for (const service of SERVICES)
    services[service] = await startServiceProcess(service, { ...env.env(service, ports[service]), ...settings(service, ports) });
}

/** The services' base URLs, as the demo and the reconciliation take them. */
export const urlsOf = (services: RunningServices) => ({
  catalog: services.catalog.url,
  consignment: services.consignment.url,
  reporting: services.reporting.url,
  notification: services.notification.url,
});

/** The services started, and the demo's month at the Tangerang lounge run through them (its files under `outputDir`). */
export async function startServicesWithDemo(env: TestEnvironment, services: Partial<RunningServices>, outputDir: string): Promise<void> {
  await startServices(env, services);
  await runDemo(urlsOf(services as RunningServices), { outputDir });
}
