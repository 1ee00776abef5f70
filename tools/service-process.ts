import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceName } from '@titipan/platform';

/** What runs as a process of its own: the three services, and the console's backend-for-frontend (dist/apps/console). */
export type AppName = ServiceName | 'console';

export interface RunningService {
  service: AppName;
  url: string;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after the grace period; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

const ROOT = join(__dirname, '..');

/**
 * Starts one service as its own process from the built bundle (dist/apps/<service>/main.js), as in
 * production, and waits until it is ready (GET /health/ready: its database answers; for the console, the identity provider's discovery was read). Used by the stack runner and the tests.
 */
export async function startServiceProcess(
  service: AppName,
  env: Record<string, string>,
  options: { onOutput?: (line: string) => void; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<RunningService> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'dist', 'apps', service, 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let alive = true;
  void exited.then(() => (alive = false));
  while (Date.now() < deadline && alive) {
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!alive || Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`${service} did not become ready:\n${output.slice(-30).join('\n')}`);
  }

  return {
    service,
    url,
    process: child,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
