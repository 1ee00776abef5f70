import { SERVICES } from '@titipan/platform';
import { TITIPAN_REALM } from '@titipan/identity';
import { startDevIssuer } from './dev-issuer';
import { idpSettings } from './identity/idp-settings';
import { LOCAL, serviceEnv } from './local-settings';
import { startServiceProcess, type RunningService } from './service-process';

/** Runs the three services as separate processes until Ctrl-C, then stops them gracefully. */
async function main(): Promise<void> {
  // the services trust the identity provider, and in development also the development tokens of npm run token
  process.env.OIDC_ISSUER ??= `${idpSettings().url}/realms/${TITIPAN_REALM}`;
  if (process.env.NODE_ENV === 'development') process.env.DEV_JWKS_URL ??= (await startDevIssuer(LOCAL.devIssuerPort)).jwksUrl;
  const running: RunningService[] = [];
  const stopAll = async () => {
    await Promise.all(running.map((s) => s.stop()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  // the services' output comes through a pipe: at a terminal, ask them for readable, coloured lines
  const terminal: Record<string, string> =
    process.stdout.isTTY && !process.env.CI ? { LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty', FORCE_COLOR: '1' } : {};
  for (const service of SERVICES) {
    const env = { ...serviceEnv(service), ...terminal };
    const started = await startServiceProcess(service, env, { onOutput: (line) => process.stdout.write(`${line}\n`) });
    running.push(started);
    started.process.once('exit', (code) => {
      console.error(`${service} exited with code ${code}`);
    });
  }
  console.error('\nTitipan is up:');
  for (const s of running) console.error(`  ${s.service.padEnd(12)} ${s.url}  (ready ${s.url}/health/ready, API docs ${s.url}/docs)`);
  console.error(
    'Tokens (one per service): npm run token -- --service catalog --role admin   ·   Ctrl-C stops the services (Kafka keeps running: npm run kafka:stop)\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
