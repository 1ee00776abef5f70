import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES } from '../database/service-identity';
import { CONSUMED_STREAMS, topicRights, type TopicRight } from './topic-rights';

const root = join(__dirname, '..', '..', '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

/** The streams a service's listeners subscribe to, read from their source (`streams = [...]` or `streams: [...]`). */
const listenedStreams = (service: string): string[] =>
  [
    ...new Set(
      filesUnder(join(root, 'apps', service, 'src'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bstreams\s*[:=]\s*\[([^\]]*)\]/g)])
        .flatMap((m) => [...m[1].matchAll(/'([a-z]+)'/g)].map((s) => s[1])),
    ),
  ].sort();

const show = (r: TopicRight) => `${r.operation} ${r.resource} ${r.pattern === 'prefixed' ? `${r.name}*` : r.name}`;
const rightsOf = (prefix: string, principal: string) =>
  topicRights(prefix)
    .filter((r) => r.principal === principal)
    .map(show)
    .sort();

describe('Kafka topic rights (docs/decisions/0024)', () => {
  it.each(SERVICES)('%s reads exactly the streams its listeners subscribe to', (service) => {
    expect([...CONSUMED_STREAMS[service]].sort()).toEqual(listenedStreams(service));
  });

  it('gives each service its own stream, the dead letters of what it consumes, and its own groups, under the prefix in use', () => {
    expect(rightsOf('t1.', 'catalog')).toEqual(['read group t1.catalog.*', 'write topic t1.catalog.events']);
    expect(rightsOf('t1.', 'consignment')).toEqual([
      'read group t1.consignment.*',
      'read topic t1.catalog.events',
      'read topic t1.reporting.events',
      'write topic t1.catalog.events.dlq',
      'write topic t1.consignment.events',
      'write topic t1.reporting.events.dlq',
    ]);
    expect(rightsOf('', 'reporting')).toEqual([
      'read group reporting.*',
      'read topic catalog.events',
      'read topic consignment.events',
      'write topic catalog.events.dlq',
      'write topic consignment.events.dlq',
      'write topic reporting.events',
    ]);
    // notification publishes nothing: it reads the three streams and writes only their dead letters
    expect(rightsOf('t1.', 'notification')).toEqual([
      'read group t1.notification.*',
      'read topic t1.catalog.events',
      'read topic t1.consignment.events',
      'read topic t1.reporting.events',
      'write topic t1.catalog.events.dlq',
      'write topic t1.consignment.events.dlq',
      'write topic t1.reporting.events.dlq',
    ]);
  });

  it('lets no service write another service stream, and only tools re-drive', () => {
    for (const service of SERVICES) {
      const writes = topicRights('').filter((r) => r.principal === service && r.operation === 'write' && !r.name.endsWith('.dlq'));
      expect(writes.map((r) => r.name)).toEqual(service === 'notification' ? [] : [`${service}.events`]);
    }
    expect(rightsOf('', 'tools')).toEqual([
      'read group dead-letter-reader-*',
      'read topic catalog.events.dlq',
      'read topic consignment.events.dlq',
      'read topic reporting.events.dlq',
      'write topic catalog.events',
      'write topic consignment.events',
      'write topic reporting.events',
    ]);
    expect(topicRights('').some((r) => r.principal === 'admin')).toBe(false); // the super-user needs no rule
  });
});
