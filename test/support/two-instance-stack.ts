import type { ServiceName } from '@titipan/platform';
import { serviceHealth } from '../../tools/demo/api-client';
import { runDemo } from '../../tools/demo/run-demo';
import { startServiceProcess, type RunningService } from '../../tools/service-process';
import { freePort } from './free-port';
import type { TestEnvironment } from './test-environment';

export type Instance = 'consignment-a' | 'consignment-b' | 'reporting-a' | 'reporting-b';
export const INSTANCES: Instance[] = ['consignment-a', 'consignment-b', 'reporting-a', 'reporting-b'];
export const serviceOf = (instance: Instance): ServiceName => (instance.startsWith('consignment') ? 'consignment' : 'reporting');

/**
 * One catalog and two instances each of consignment and reporting on one test environment (database and topics),
 * as production runs them. The a instances start first, so their relays lead. Each instance's JSON log lines reach
 * `onLog` (a fault test reads the relay's leadership time from them), and any instance can be killed and started again.
 */
export class TwoInstanceStack {
  catalog?: RunningService;
  readonly instances = {} as Record<Instance, RunningService>;
  private readonly envs = {} as Record<Instance, Record<string, string>>;

  constructor(
    private readonly env: TestEnvironment,
    private readonly onLog: (instance: Instance, entry: Record<string, any>) => void = () => undefined,
  ) {}

  async start(demoOutputDir: string): Promise<void> {
    this.catalog = await startServiceProcess('catalog', this.env.env('catalog', await freePort()));
    for (const instance of INSTANCES) await this.startInstance(instance);
    await runDemo(
      { catalog: this.catalog.url, consignment: this.url('consignment-a'), reporting: this.url('reporting-b') },
      { outputDir: demoOutputDir },
    );
  }

  /** Starts an instance (again, after a kill: same port and settings). */
  async startInstance(instance: Instance): Promise<void> {
    this.envs[instance] ??= { ...this.env.env(serviceOf(instance), await freePort()), LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
    this.instances[instance] = await startServiceProcess(serviceOf(instance), this.envs[instance], {
      onOutput: (line) => {
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
    const exited = new Promise((r) => this.instances[instance].process.once('exit', r));
    this.instances[instance].process.kill('SIGKILL');
    await exited;
    return Date.now();
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
    await Promise.allSettled([this.catalog?.stop(), ...Object.values(this.instances).map((i) => i.stop())]);
  }
}
