import { dlqTopic, topicName, UptRegistered } from '@titipan/contracts';
import {
  AuditStore,
  AuditTrail,
  DEV_TOKEN_ISSUER,
  DLQ_HEADERS,
  mintToken,
  NATIONAL_AUDIT_SCOPES,
  OutboxStore,
  type ServiceName,
  SERVICES,
  UnitOfWork,
} from '@titipan/platform';
import { JwtService } from '@nestjs/jwt';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { startServiceProcess, type RunningService } from '../tools/service-process';
import { freePort } from './support/free-port';
import { eventually, TopicProbe } from './support/kafka-probe';
import { TestEnvironment } from './support/test-environment';
import { cleanUp, stopEach } from './support/clean-up';
import { serviceHealth } from '../tools/demo/api-client';
import { bearer, foreignKey, signedToken, unsignedToken } from './support/tokens';
import { LOCAL } from '../tools/local-settings';

/**
 * One real path through the three services, each its own process as in production: catalog
 * registers a Kanwil and a UPT, and consignment and reporting each keep their own replica.
 */
describe('walking skeleton: catalog -> consignment and reporting', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  let probe: TopicProbe;
  /** Tokens for the catalog, where the calls of this walk go; a replica's reads take a token for their own service. */
  const token = (role: Parameters<typeof bearer>[1], scope?: string) => bearer('catalog', role, scope);
  const admin = token('admin');
  const kanwil = { code: 'KW-BANTEN', name: 'Kanwil Ditjenpas Banten' };
  const upt = {
    code: 'LP-TGR-1',
    name: 'Lapas Kelas I Tangerang',
    type: 'LAPAS',
    class: 'I',
    kanwilCode: 'KW-BANTEN',
    satkerCode: '412345',
  };

  const start = async (service: ServiceName, port?: number) => {
    services[service] = await startServiceProcess(service, env.env(service, port ?? (await freePort())));
  };
  const replicaUpts = async (service: ServiceName) =>
    (await request(services[service].url).get('/directory/upts').set('Authorization', bearer(service, 'ministry'))).body.items as {
      code: string;
    }[];
  const health = (service: ServiceName) => serviceHealth(service, services[service].url);

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await Promise.all(SERVICES.map((s) => start(s)));
    probe = await new TopicProbe(env.kafka, [
      topicName('catalog', env.topicPrefix),
      dlqTopic(topicName('catalog', env.topicPrefix)),
    ]).start();
  });
  afterAll(() =>
    cleanUp(
      () => probe?.stop(),
      stopEach(services),
      () => env?.dispose(),
    ),
  );

  it('reports healthy database, broker, outbox and consumer lag', async () => {
    for (const service of SERVICES) {
      const body = await health(service);
      expect(body).toMatchObject({
        service,
        status: 'ok',
        checks: { database: { status: 'ok' }, broker: { status: 'ok' }, outbox: { status: 'ok', unsent: 0 } },
      });
    }
    const consumers: { groupId: string; lag: number }[] = Object.values((await health('consignment')).checks.consumers);
    expect(consumers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ groupId: `${env.topicPrefix}consignment.directory-replica`, lag: expect.any(Number) }),
      ]),
    );
  });

  it('refuses requests without a valid token (401) and roles the endpoint does not allow (403, saying why)', async () => {
    const url = services.catalog.url;
    const none = await request(url).post('/kanwils').send(kanwil);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('TOKEN_MISSING');
    const forged = await request(url)
      .post('/kanwils')
      .set('Authorization', `Bearer ${mintToken(foreignKey(), { service: 'catalog', role: 'admin' })}`)
      .send(kanwil);
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringMatching(/signature/) });
    const now = Math.floor(Date.now() / 1000);
    const adminClaims = { sub: 'ops', role: 'admin', aud: 'titipan-catalog', iat: now, exp: now + 300 };
    const unsigned = await request(url)
      .post('/kanwils')
      .set('Authorization', `Bearer ${unsignedToken(adminClaims)}`)
      .send(kanwil);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringMatching(/algorithm is not accepted/) });
    // the published public key used as an HMAC secret: the old algorithm-confusion forgery
    const jwks = (await (await fetch(process.env.DEV_JWKS_URL!)).json()) as { keys: object[] };
    const hmac = new JwtService({}).sign(
      { iss: DEV_TOKEN_ISSUER, ...adminClaims },
      { algorithm: 'HS256', secret: JSON.stringify(jwks.keys[0]), keyid: LOCAL.signingKey.kid },
    );
    const confused = await request(url).post('/kanwils').set('Authorization', `Bearer ${hmac}`).send(kanwil);
    expect(confused.status).toBe(401);
    expect(confused.body).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringMatching(/algorithm is not accepted/) });
    const strangeIssuer = await request(url)
      .post('/kanwils')
      .set('Authorization', `Bearer ${signedToken({ ...adminClaims, iss: 'https://idp.example.org' })}`)
      .send(kanwil);
    expect(strangeIssuer.body).toMatchObject({
      code: 'TOKEN_INVALID',
      message: expect.stringMatching(/issuer is not one this service trusts/),
    });
    const venue = await request(url).post('/kanwils').set('Authorization', token('venue', 'IMI-TGR-LOUNGE')).send(kanwil);
    expect(venue.status).toBe(403);
    expect(venue.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED', message: 'role venue may not call POST /kanwils; allowed: admin' });
    expect((await request(url).get('/kanwils').set('Authorization', admin)).body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('accepts a token on the one service it names only, and refuses one without expiry, too long-lived or issued ahead (401, stable code)', async () => {
    const readKanwils = (service: ServiceName, authorization: string) =>
      request(services[service].url)
        .get(service === 'catalog' ? '/kanwils' : '/directory/kanwils')
        .set('Authorization', authorization);
    const forConsignment = bearer('consignment', 'ministry');
    const statuses = await Promise.all(SERVICES.map(async (service) => (await readKanwils(service, forConsignment)).body.code ?? 'ok'));
    expect(Object.fromEntries(SERVICES.map((service, i) => [service, statuses[i]]))).toEqual({
      catalog: 'TOKEN_AUDIENCE_MISMATCH',
      consignment: 'ok',
      reporting: 'TOKEN_AUDIENCE_MISMATCH',
      notification: 'TOKEN_AUDIENCE_MISMATCH',
    });

    // signed with the right key and for the right service: only the times are wrong
    const now = Math.floor(Date.now() / 1000);
    const year = 365 * 24 * 3600;
    const signed = (times: { iat?: number; exp?: number; nbf?: number }) =>
      `Bearer ${signedToken({ sub: 'ops', role: 'admin', aud: 'titipan-catalog', ...times })}`;
    const cases = {
      'no expiry': [signed({ iat: now }), 'TOKEN_EXPIRY_MISSING'],
      'a 100-year lifetime': [signed({ iat: now, exp: now + 100 * year }), 'TOKEN_LIFETIME_TOO_LONG'],
      'issued a year ahead': [signed({ iat: now + year, exp: now + year + 3600 }), 'TOKEN_NOT_YET_VALID'],
      'valid from tomorrow': [signed({ iat: now, nbf: now + 24 * 3600, exp: now + 8 * 3600 }), 'TOKEN_NOT_YET_VALID'],
      expired: [signed({ iat: now - 7200, exp: now - 3600 }), 'TOKEN_EXPIRED'],
      'for another service': [bearer('reporting', 'admin'), 'TOKEN_AUDIENCE_MISMATCH'],
    } as const;
    for (const [what, [authorization, code]] of Object.entries(cases)) {
      const response = await readKanwils('catalog', authorization);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status: 401, code });
    }
    expect((await readKanwils('catalog', signed({ iat: now, exp: now + 12 * 3600 }))).status).toBe(200);
  });

  it('registers a Kanwil and a UPT, and both other services receive them into their own replicas', async () => {
    const k = await request(services.catalog.url)
      .post('/kanwils')
      .set('Authorization', admin)
      .set('x-correlation-id', 'skeleton-1')
      .send(kanwil);
    expect(k.status).toBe(201);
    expect(k.headers['x-correlation-id']).toBe('skeleton-1');
    const u = await request(services.catalog.url).post('/upts').set('Authorization', admin).send(upt);
    expect(u.status).toBe(201);
    expect(u.body).toMatchObject(upt);

    for (const service of ['consignment', 'reporting'] as const) {
      const upts = await eventually(
        async () => {
          const rows = await replicaUpts(service);
          return rows.length === 1 ? rows : undefined;
        },
        20_000,
        `${service} replica`,
      );
      expect(upts[0]).toMatchObject(upt);
      const kanwils = (await request(services[service].url).get('/directory/kanwils').set('Authorization', bearer(service, 'admin'))).body
        .items;
      expect(kanwils).toEqual([expect.objectContaining(kanwil)]);
    }
    // the event carries the caller's correlation id and the actor
    const [published] = await probe.waitFor(1, (r) => r.message.headers?.['event-type']?.toString() === 'catalog.kanwil.registered');
    expect(JSON.parse(published.message.value!.toString())).toMatchObject({
      correlationId: 'skeleton-1',
      actor: { id: 'admin', role: 'admin', scope: null },
    });
  });

  it('refuses bad input with the field and rule, and a duplicate with 409, writing nothing', async () => {
    const bad = await request(services.catalog.url)
      .post('/upts')
      .set('Authorization', admin)
      .send({ ...upt, code: 'LP-SRG', satkerCode: '12', type: 'PRISON', warden: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`).sort()).toEqual([
      'satkerCode:matches',
      'type:isIn',
      'warden:whitelistValidation',
    ]);
    const unknownKanwil = await request(services.catalog.url)
      .post('/upts')
      .set('Authorization', admin)
      .send({ ...upt, code: 'LP-SRG', satkerCode: '412399', kanwilCode: 'KW-NOWHERE' });
    expect(unknownKanwil.status).toBe(422);
    expect(unknownKanwil.body).toMatchObject({ code: 'KANWIL_UNKNOWN', details: { field: 'kanwilCode' } });
    const duplicate = await request(services.catalog.url).post('/upts').set('Authorization', admin).send(upt);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('UPT_EXISTS');
    const all = (await request(services.catalog.url).get('/upts').set('Authorization', admin)).body.items;
    expect(all.map((x: { code: string }) => x.code)).toEqual(['LP-TGR-1']);
    const events = probe.received.filter((r) => r.message.headers?.['event-type']?.toString() === 'catalog.upt.registered');
    expect(events).toHaveLength(1);
  });

  it('applies an event delivered twice once, and dead-letters a malformed message while consumption carries on', async () => {
    const [original] = await probe.waitFor(1, (r) => r.message.headers?.['event-type']?.toString() === 'catalog.upt.registered');
    const producer = env.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: original.topic,
      messages: [{ key: original.message.key, value: original.message.value, headers: original.message.headers }],
    });
    await producer.send({ topic: original.topic, messages: [{ key: 'LP-TGR-1', value: 'garbage, not an event' }] });
    await producer.disconnect();

    // every consumer group of catalog.events dead-letters it once
    const catalogGroups: string[] = [];
    for (const service of ['consignment', 'reporting', 'notification'] as const) {
      const consumers: { groupId: string; topics: string[] }[] = Object.values((await health(service)).checks.consumers);
      catalogGroups.push(...consumers.filter((c) => c.topics.includes(original.topic)).map((c) => c.groupId));
    }
    expect(catalogGroups).toEqual(
      expect.arrayContaining([
        `${env.topicPrefix}consignment.directory-replica`,
        `${env.topicPrefix}reporting.directory-replica`,
        `${env.topicPrefix}notification.notices`,
      ]),
    );
    const letters = await probe.waitFor(catalogGroups.length, (r) => r.topic.endsWith('.dlq'));
    expect(letters.map((l) => l.message.headers?.[DLQ_HEADERS.consumer]?.toString()).sort()).toEqual(catalogGroups.sort());
    expect(letters[0].message.headers?.[DLQ_HEADERS.topic]?.toString()).toBe(original.topic);

    // consumption carries on with the next event
    const next = { ...upt, code: 'LP-SRG', name: 'Lapas Kelas IIA Serang', class: 'IIA', satkerCode: '412346' };
    expect((await request(services.catalog.url).post('/upts').set('Authorization', admin).send(next)).status).toBe(201);
    for (const service of ['consignment', 'reporting'] as const) {
      await eventually(async () => (await replicaUpts(service)).length === 2, 20_000, `${service} has LP-SRG`);
      const consumers: {
        groupId: string;
        counters: { duplicates: number; deadLettered: number };
      }[] = Object.values((await health(service)).checks.consumers);
      const consumer = consumers.find((c) => c.groupId.endsWith('.directory-replica'))!;
      expect(consumer.counters).toMatchObject({ duplicates: 1, deadLettered: 1 });
    }
  });

  it('publishes events left pending in the outbox when the service comes back', async () => {
    const port = Number(new URL(services.catalog.url).port);
    expect(await services.catalog.stop()).toBe(0); // graceful exit on SIGTERM
    // an event committed while no relay runs (as if the service died right after the commit)
    const ds = await env.dataSource('catalog');
    const pending = {
      code: 'LP-CLG',
      name: 'Lapas Kelas IIA Cilegon',
      type: 'LAPAS' as const,
      class: 'IIA' as const,
      kanwilCode: 'KW-BANTEN',
      satkerCode: '412347',
    };
    await new UnitOfWork(ds, new OutboxStore(ds), 'catalog', new AuditTrail(new AuditStore(), NATIONAL_AUDIT_SCOPES)).run(async (tx) => {
      await tx.manager.query(
        `INSERT INTO upt (code, name, type, class, kanwil_code, satker_code, created_by) VALUES ($1, $2, $3, $4, $5, $6, 'test')`,
        [pending.code, pending.name, pending.type, pending.class, pending.kanwilCode, pending.satkerCode],
      );
      tx.publish(UptRegistered, pending);
    });
    expect((await new OutboxStore(ds).backlog()).unsent).toBe(1);

    await start('catalog', port);
    for (const service of ['consignment', 'reporting'] as const) {
      await eventually(async () => (await replicaUpts(service)).some((u) => u.code === 'LP-CLG'), 20_000, `${service} has LP-CLG`);
    }
    expect((await health('catalog')).checks.outbox.unsent).toBe(0);
  });

  it('serves a valid OpenAPI document and its UI on every service, without a token', async () => {
    for (const service of SERVICES) {
      const doc = (await request(services[service].url).get('/docs/openapi.json')).body;
      const validated = await SwaggerParser.validate(structuredClone(doc));
      expect(validated.info.title).toBe(`Titipan ${service} API`);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health']));
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect((await request(services[service].url).get('/docs')).status).toBe(200);
    }
  });

  it('answers an oversized body with 413 and malformed JSON with 400, in the same error shape', async () => {
    const huge = await request(services.catalog.url)
      .post('/kanwils')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ code: 'KW-BIG', name: 'x'.repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const broken = await request(services.catalog.url)
      .post('/kanwils')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"code": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });
});
