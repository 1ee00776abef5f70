import { resolve } from 'node:path';
import { SERVICES } from '@titipan/platform';
import { waitForConsumers } from './demo/api-client';
import { startDevIssuer } from './dev-issuer';
import { idpSettings, localIssuer } from './identity/idp-settings';
import { consoleEnv, LOCAL, serviceEnv } from './local-settings';
import { startMailCatcher } from './mail-catcher';
import { seedCatalog } from './seed/seed-catalog';
import { seedVenues } from './seed/seed-venues';
import { startServiceProcess, type RunningService } from './service-process';

/** Runs the four services and then the console as separate processes until Ctrl-C, then stops them gracefully. */
async function main(): Promise<void> {
  // the services trust the identity provider, and in development also the development tokens of npm run token
  process.env.OIDC_ISSUER ??= localIssuer();
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
  // catalog administers people at the provider (the admin's user pages) with the realm's service account
  const { userAdmin } = idpSettings();
  const catalogEnv: Record<string, string> = userAdmin.clientSecret
    ? { USER_ADMIN_CLIENT_ID: userAdmin.clientId, USER_ADMIN_CLIENT_SECRET: userAdmin.clientSecret }
    : {};
  // in development, without a real SMTP server named, the notification service's mail is caught here, a file a mail
  // program opens for each under .run/mail
  const mailDir = resolve('.run', 'mail');
  const notificationEnv: Record<string, string> = {};
  if (process.env.NODE_ENV === 'development' && !process.env.SMTP_URL && !process.env.SMTP_HOST) {
    const catcher = await startMailCatcher({
      port: LOCAL.mailCatcherPort,
      dir: mailDir,
      onMail: (mail) => console.error(`mail to ${mail.to}: ${mail.subject}`),
    });
    notificationEnv.SMTP_URL = catcher.smtpUrl;
  }
  for (const service of SERVICES) {
    const env = {
      ...serviceEnv(service),
      ...(service === 'catalog' ? catalogEnv : {}),
      ...(service === 'notification' ? notificationEnv : {}),
      ...terminal,
    };
    const started = await startServiceProcess(service, env, { onOutput: (line) => process.stdout.write(`${line}\n`) });
    running.push(started);
    started.process.once('exit', (code) => {
      console.error(`${service} exited with code ${code}`);
    });
  }
  if (process.env.NODE_ENV === 'development' && process.env.TITIPAN_SEED !== 'false') await seedReferenceData(running);
  // the console after the services it forwards to; ready once the identity provider's discovery is read
  const consoleApp = await startServiceProcess(
    'console',
    { ...consoleEnv(process.env.OIDC_ISSUER), ...terminal },
    {
      onOutput: (line) => process.stdout.write(`${line}\n`),
    },
  );
  running.push(consoleApp);
  consoleApp.process.once('exit', (code) => console.error(`console exited with code ${code}`));
  console.error('\nTitipan is up:');
  console.error(
    `  ${'console'.padEnd(12)} ${consoleEnv(process.env.OIDC_ISSUER).CONSOLE_PUBLIC_URL}  (sign in here; ready ${consoleApp.url}/health/ready)`,
  );
  for (const s of running.filter((s) => s.service !== 'console'))
    console.error(`  ${s.service.padEnd(12)} ${s.url}  (ready ${s.url}/health/ready, API docs ${s.url}/docs)`);
  if (notificationEnv.SMTP_URL)
    console.error(`  ${'mail'.padEnd(12)} ${notificationEnv.SMTP_URL}  (each mail the services send: ${mailDir})`);
  const idp = idpSettings();
  console.error(`  ${'sign in'.padEnd(12)} ${idp.accountConsole}  (identity provider ${localIssuer()})`);
  console.error('People: npm run users -- add --username siti.tgr --role venue --scope IMI-TGR-LOUNGE --password <10+ characters>');
  console.error('        npm run users -- list   ·   disable / enable / set-password --username <name>');
  console.error(
    'Tokens (one per service): npm run token -- --service catalog --role admin   ·   Ctrl-C stops the services ' +
      '(Kafka and Keycloak keep running: npm run kafka:stop, npm run keycloak:stop)\n',
  );
}

/**
 * Development only: the reference data's Kanwil, UPTs, approved products and the Tangerang lounge (each left as it
 * is when already there), so a new developer can at once create people for them. TITIPAN_SEED=false skips it.
 */
async function seedReferenceData(running: RunningService[]): Promise<void> {
  const url = (service: string) => running.find((s) => s.service === service)!.url;
  const log = (line: string) => console.error(`seed: ${line}`);
  await seedCatalog(url('catalog'), log);
  await waitForConsumers('consignment', url('consignment'), ['directory-replica'], 120_000);
  await seedVenues(url('consignment'), log);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
