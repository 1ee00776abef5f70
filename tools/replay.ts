import { mintToken } from '@titipan/platform';
import { LOCAL } from './local-settings';

/**
 * Rebuilds reporting's read models from the beginning of consignment.events while the service keeps
 * answering:  npm run replay [-- http://127.0.0.1:3003]
 */
async function main(): Promise<void> {
  const url = process.argv[2] ?? `http://127.0.0.1:${process.env.REPORTING_PORT ?? 3003}`;
  const token = mintToken(LOCAL.signingKey, { service: 'reporting', role: 'admin', sub: 'replay-command', expiresIn: '1h' });
  const response = await fetch(`${url}/admin/replay`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { events: number; applied: number; seconds: number; eventsPerSecond: number };
  if (!response.ok) throw new Error(`replay failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  console.log(
    `replayed ${body.events} events (${body.applied} applied to the read models) in ${body.seconds} s, ${body.eventsPerSecond} events/s`,
  );
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
