import { SERVICES, type ServiceName } from '@titipan/platform';
import { type RunningService } from '../tools/service-process';
import { cleanUp, scratchDir, stopEach } from './support/clean-up';
import { TestEnvironment } from './support/test-environment';
import { startServicesWithDemo } from './support/stack';
import { bearers } from './support/tokens';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: object;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, { type?: string; description?: string }> }> };
}
interface Endpoint {
  service: ServiceName;
  method: string;
  path: string;
  operation: Operation;
}

/** The last path segment of a POST that changes the state of an existing document, or runs an action: 200. */
const TRANSITIONS = new Set([
  'activate',
  'terminate',
  'cancel',
  'close',
  'receive',
  'submit',
  'revise',
  'suspend',
  'reinstate',
  'discontinue',
  'scan',
  'disable',
  'enable',
  'confirm',
  'read',
  'read-all',
]);
/** POSTs that run a job and create nothing a client could fetch again: 200, like a transition. */
const ACTIONS = new Set(['POST /compliance/expiry-checks', 'POST /user-accounts/{username}/password', 'POST /exhibitions/auto-close']);
/** POSTs that start a job in the background and answer at once with its record, followed at GET {path}/{id}: 202. */
const JOBS = new Set(['POST /admin/replay']);
/** Lists that need an identity provider, which this stack does not run (503 here): paged, checked in test/identity. */
const NEEDS_IDENTITY_PROVIDER = new Set(['/user-accounts']);
/** GETs that answer one document, a report or a file rather than a list; anything else must be paged. */
const NOT_LISTS: Record<string, string> = {
  '/health': 'the service health (admin)',
  '/health/live': 'liveness',
  '/health/ready': 'readiness',
  '/metrics': 'Prometheus metrics in their text format (admin)',
  '/health/email': 'whether e-mail is on, and the mails waiting',
  '/notifications/unread-count': "the signed-in person's unread count",
  '/notification-preferences': "the signed-in person's preferences, one document",
  '/statements/{id}/verify': 'the verdict on one statement',
  '/statements/{id}/export': 'a file',
  '/agreements/{id}/periods/ledger-totals': "the ledger's control totals of every month, for reconciliation (a report)",
  '/agreements/{id}/periods/{period}/statement': 'one statement',
  '/products/{id}/compliance': "the approval rules' verdicts on one product",
  '/products/{id}/attachments/{attachmentId}/content': 'a file',
  '/dispatches/{id}/surat-jalan': 'a printed document (PDF)',
  '/dispatches/{id}/labels': 'a printed document (PDF)',
  '/dispatches/{id}/bast': 'a printed document (PDF)',
  '/returns/{id}/note': 'a printed document (PDF)',
  '/stock-counts/{id}/record': 'a printed document (PDF)',
};
const isReport = (path: string) => path.startsWith('/reports/');
/** Lists read a page at a time by cursor, newest first ({items, nextCursor}, limit and cursor): an ever-growing trail. */
const CURSOR_LISTS = new Set(['/audit-entries']);
/** Lists of one agreement's documents: each takes the same scope filters. */
const AGREEMENT_DOCUMENT_LISTS = ['/sales', '/sales/returns', '/returns', '/stock-counts', '/stock', '/dispatches'];
const SCOPE_FILTERS = ['upt', 'venue', 'agreement'];

/**
 * One API style across the four services, checked on their own OpenAPI documents so a new endpoint cannot
 * drift: lists are paged {items, total}; a POST that creates a document answers 201 and a state transition
 * 200; a filter means the same thing everywhere; the statement's figures are defined in the document.
 */
describe('one API style across the services (their OpenAPI documents)', () => {
  const demoOutput = scratchDir('demo');
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const documents = {} as Record<ServiceName, OpenApi>;
  const endpoints: Endpoint[] = [];
  const admin = bearers('admin');
  const sample: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServicesWithDemo(env, services, demoOutput.path);
    for (const service of SERVICES) {
      documents[service] = (await (await fetch(`${services[service].url}/docs/openapi.json`)).json()) as OpenApi;
      for (const [path, operations] of Object.entries(documents[service].paths)) {
        for (const [method, operation] of Object.entries(operations))
          endpoints.push({ service, method: method.toUpperCase(), path, operation });
      }
    }
    const first = async (service: ServiceName, path: string) =>
      (
        (await (await fetch(`${services[service].url}${path}`, { headers: { authorization: admin[service] } })).json()) as {
          items: { id: string }[];
        }
      ).items[0].id;
    sample.product = await first('catalog', '/products?limit=1');
    sample.agreement = await first('consignment', '/agreements?limit=1');
    // the demo's exhibition, which has ended
    sample.exhibition = await first('consignment', '/exhibitions?limit=1');
  }, 240_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  const pathWithSamples = (path: string) =>
    path
      .replace(/^\/products\/\{id\}/, `/products/${sample.product}`)
      .replace(/^\/agreements\/\{id\}/, `/agreements/${sample.agreement}`)
      .replace(/^\/exhibitions\/\{id\}/, `/exhibitions/${sample.exhibition}`);

  it('answers every list as a page {items, total}, or {items, nextCursor} for a list read by cursor', async () => {
    const lists = endpoints.filter((e) => e.method === 'GET' && !(e.path in NOT_LISTS) && !isReport(e.path) && !e.path.endsWith('}'));
    expect(lists.length).toBeGreaterThan(15);
    const notPaged: string[] = [];
    for (const list of lists) {
      const response = await fetch(`${services[list.service].url}${pathWithSamples(list.path)}`, {
        headers: { authorization: admin[list.service] },
      });
      const body = (await response.json()) as { items?: unknown; total?: unknown; nextCursor?: unknown };
      const byCursor = CURSOR_LISTS.has(list.path);
      const paged =
        (response.status === 200 &&
          Array.isArray(body.items) &&
          (byCursor ? body.nextCursor === null || typeof body.nextCursor === 'string' : Number.isInteger(body.total))) ||
        (NEEDS_IDENTITY_PROVIDER.has(list.path) && response.status === 503);
      if (!paged) notPaged.push(`${list.service} GET ${list.path}: ${response.status} ${JSON.stringify(body).slice(0, 80)}`);
      const query = (list.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const paging = byCursor ? ['limit', 'cursor'] : ['limit', 'offset'];
      if (!paging.every((p) => query.includes(p))) notPaged.push(`${list.service} GET ${list.path}: no ${paging.join('/')}`);
    }
    expect(notPaged).toEqual([]);
  });

  it('answers 201 to a POST that creates a document or record, 200 to a state transition or an action, and 202 to one that starts a job', () => {
    const wrong = endpoints
      .filter((e) => e.method === 'POST')
      .flatMap((e) => {
        const last = e.path.split('/').pop()!;
        const expected = JOBS.has(`POST ${e.path}`) ? '202' : TRANSITIONS.has(last) || ACTIONS.has(`POST ${e.path}`) ? '200' : '201';
        const documented = Object.keys(e.operation.responses).filter((code) => code.startsWith('2'));
        return documented.length === 1 && documented[0] === expected
          ? []
          : [`${e.service} POST ${e.path}: ${documented.join(',')}, want ${expected}`];
      });
    expect(wrong).toEqual([]);
  });

  it('gives a filter of one name the same meaning everywhere, and every agreement-document list the same scope filters', () => {
    const schemas = new Map<string, Set<string>>();
    for (const e of endpoints) {
      for (const p of e.operation.parameters ?? []) {
        if (p.in !== 'query') continue;
        // what a filter means: its type and bounds (its values, default and whether a report requires it may differ)
        const {
          enum: _values,
          default: _default,
          example: _example,
          description: _description,
          ...meaning
        } = (p.schema ?? {}) as Record<string, unknown>;
        const shape = JSON.stringify(meaning);
        schemas.set(p.name, (schemas.get(p.name) ?? new Set()).add(shape));
      }
    }
    const differing = [...schemas].filter(([, shapes]) => shapes.size > 1).map(([name, shapes]) => `${name}: ${[...shapes].join(' | ')}`);
    expect(differing).toEqual([]);

    const missing = AGREEMENT_DOCUMENT_LISTS.flatMap((path) => {
      const list = endpoints.find((e) => e.service === 'consignment' && e.method === 'GET' && e.path === path);
      const query = (list?.operation.parameters ?? []).map((p) => p.name);
      return SCOPE_FILTERS.filter((f) => !query.includes(f)).map((f) => `GET ${path} has no ${f} filter`);
    });
    expect(missing).toEqual([]);
  });

  it("defines each of the statement's figures in its documented answer", () => {
    const statement = endpoints.find((e) => e.service === 'reporting' && e.method === 'GET' && e.path === '/statements/{id}');
    const schemas = documents.reporting.components?.schemas ?? {};
    // every schema the answer reaches, nested figures and split parts included
    const reached = new Set<string>();
    const visit = (node: unknown) => {
      for (const [, name] of JSON.stringify(node ?? {}).matchAll(/#\/components\/schemas\/(\w+)/g)) {
        if (!reached.has(name)) {
          reached.add(name);
          visit(schemas[name]);
        }
      }
    };
    visit(statement?.operation.responses['200']);
    // a figure is a number; each says how it is computed
    const figures = [...reached].flatMap((name) =>
      Object.entries(schemas[name]?.properties ?? {})
        .filter(([, p]) => p.type === 'integer' || p.type === 'number')
        .map(([p, d]) => ({ name: `${name}.${p}`, ...d })),
    );
    expect(figures.length).toBeGreaterThan(15);
    expect(figures.filter((p) => !p.description).map((p) => p.name)).toEqual([]);
  });
});
