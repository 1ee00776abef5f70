import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@titipan/platform';
import { serviceHealth } from '../../tools/demo/api-client';
import { runDemo } from '../../tools/demo/run-demo';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { freePort } from './free-port';
import type { TestEnvironment } from './test-environment';

export type Instance = `${'catalog' | 'consignment' | 'reporting'}-${'a' | 'b'}`;
export const INSTANCES: Instance[] = ['catalog-a', 'catalog-b', 'consignment-a', 'consignment-b', 'reporting-a', 'reporting-b'];
export const serviceOf = (instance: Instance): ServiceName => instance.slice(0, -2) as ServiceName;
export const instancesOf = (service: ServiceName): Instance[] => INSTANCES.filter((i) => serviceOf(i) === service);

/**
 * Two instances each of catalog, consignment and reporting on one test environment (database and topics), as
 * production runs them. The a instances start first, so their relays lead. Each instance's JSON log lines reach
 * `onLog` (a fault test reads the relay's leadership time from them), and any instance can be killed and started again.
 */
export class TwoInstanceStack {
  readonly instances = {} as Record<Instance, RunningService>;
  private readonly envs = {} as Record<Instance, Record<string, string>>;

  constructor(
    private readonly env: TestEnvironment,
    private readonly onLog: (instance: Instance, entry: Record<string, any>) => void = () => undefined,
    /** A folder to write each instance's output to (`<instance>.log`), for reading after a failed run; unset: none. */
    private readonly logDir?: string,
  ) {}

  async start(demoOutputDir: string): Promise<void> {
    for (const instance of INSTANCES) await this.startInstance(instance);
    await runDemo(
      { catalog: this.url('catalog-b'), consignment: this.url('consignment-a'), reporting: this.url('reporting-b') },
      { outputDir: demoOutputDir },
    );
  }

  /** Starts an instance (again, after a kill: same port and settings). */
  async startInstance(instance: Instance): Promise<void> {
    this.envs[instance] ??= { ...this.env.env(serviceOf(instance), await freePort()), LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
    this.instances[instance] = await startServiceProcess(serviceOf(instance), this.envs[instance], {
      onOutput: (line) => {
        if (this.logDir) appendFileSync(join(this.logDir, `${instance}.log`), `${line}\n`);
        if (!line.startsWith('{')) return;
        try {
          this.onLog(instance, JSON.parse(line) as Record<string, any>);
        } catch {
          // not a JSON log line
        }
      },
    });
  }

  /** SIGKILL, as when the machine dies; resolves once the process is gone, with the time it was. */
  async kill(instance: Instance): Promise<number> {
    const child = this.instances[instance].process;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    return Date.now();
  }

  alive(instance: Instance): boolean {
    const child = this.instances[instance]?.process;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  url(instance: Instance): string {
    return this.instances[instance].url;
  }

  health(instance: Instance) {
    return serviceHealth(serviceOf(instance), this.url(instance));
  }

  async call(instance: Instance, method: string, path: string, auth: Record<ServiceName, string>, body?: unknown) {
    const response = await fetch(`${this.url(instance)}${path}`, {
      method,
      headers: { authorization: auth[serviceOf(instance)], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  async stop(): Promise<void> {
    await Promise.allSettled(Object.values(this.instances).map((i) => i.stop()));
  }
}
