import { mintToken } from '@titipan/platform';
import type { ReplayJobView } from '../apps/reporting/src/projection/domain/replay-job';
import { LOCAL } from './local-settings';

/**
 * Rebuilds reporting's read models from the beginning of consignment.events while the service keeps
 * answering, and follows the job with a progress bar until it ends (no time limit; exits 1 if it fails):
 *   npm run replay [-- http://127.0.0.1:3003]
 */
const POLL_MS = 1000;
const BAR = 30;

async function main(): Promise<void> {
  const url = process.argv[2] ?? `http://127.0.0.1:${process.env.REPORTING_PORT ?? 3003}`;
  const token = mintToken(LOCAL.signingKey, { service: 'reporting', role: 'admin', sub: 'replay-command', expiresIn: '12h' });
  const call = async (method: string, path: string): Promise<ReplayJobView> => {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as ReplayJobView;
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  let job = await call('POST', '/admin/replay');
  console.log(`replay ${job.id} started`);
  const tty = process.stdout.isTTY;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = await call('GET', `/admin/replay/${job.id}`);
    const line = progressLine(job);
    if (tty) process.stdout.write(`\r${line}\x1b[K`);
    else console.log(line);
  }
  if (tty) process.stdout.write('\n');
  const seconds = (new Date(job.finishedAt!).getTime() - new Date(job.startedAt).getTime()) / 1000;
  const summary = `${job.events.toLocaleString('en')} events (${job.applied.toLocaleString('en')} applied to the read models) in ${seconds.toFixed(1)} s, ${job.eventsPerSecond.toLocaleString('en')} events/s`;
  if (job.state !== 'finished') throw new Error(`replay ${job.state} after ${summary}${job.error ? `: ${job.error}` : ''}`);
  console.log(`replayed ${summary}`);
}

/** [#####-----]  42 %  1,234,567 / 2,900,000 events  10,982 events/s  ETA 2:31 */
function progressLine(job: ReplayJobView): string {
  // a finished job has read every event there was, however many the topic held when it started
  const share = job.state === 'finished' ? 1 : job.eventsTotal ? Math.min(1, job.events / job.eventsTotal) : 0;
  const filled = Math.round(share * BAR);
  const eta = job.etaSeconds === null ? '?' : `${Math.floor(job.etaSeconds / 60)}:${String(job.etaSeconds % 60).padStart(2, '0')}`;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ` +
    `${job.events.toLocaleString('en')} / ${(job.eventsTotal ?? 0).toLocaleString('en')} events  ` +
    `${job.eventsPerSecond.toLocaleString('en')} events/s  ETA ${eta}`
  );
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
