import { SERVICES } from '@titipan/platform';
import { idpSettings, localIssuer } from './identity/idp-settings';
import { serviceEnv } from './local-settings';
import { startServiceProcess, type RunningService } from './service-process';

/** Runs the three services as separate processes until Ctrl-C, then stops them gracefully. */
async function main(): Promise<void> {
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
  const idp = idpSettings();
  console.error(`  ${'sign in'.padEnd(12)} ${idp.accountConsole}  (identity provider ${localIssuer()})`);
  console.error('People: npm run users -- add --username siti.tgr --role venue --scope IMI-TGR-LOUNGE --password <10+ characters>');
  console.error('        npm run users -- list   ·   disable / enable / set-password --username <name>');
  console.error(
    'Tokens (one per service): npm run token -- --service catalog --role admin   ·   Ctrl-C stops the services ' +
      '(Kafka and Keycloak keep running: npm run kafka:stop, npm run keycloak:stop)\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
