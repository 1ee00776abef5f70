import { type ServiceName } from '@titipan/platform';
import { type RunningService } from '../tools/service-process';
import { cleanUp, scratchDir, stopEach } from './support/clean-up';
import { startServicesWithDemo } from './support/stack';
import { TestEnvironment } from './support/test-environment';
import { bearers } from './support/tokens';

/** An actor's Authorization headers, one per service. */
type Tokens = Record<ServiceName, string>;

const bearer = bearers;
const STATES = /\b(ISSUED|PAID|DEPOSITED|RECEIVED|IN_TRANSIT|CANCELLED|SHIPPED|APPROVED|SUSPENDED|CLOSED)\b|already/i;

interface Attempt {
  what: string;
  service: ServiceName;
  method: 'POST' | 'PATCH';
  path: string;
  body?: object;
  /** A party to the document: refused for the document's state. */
  own: Tokens;
  ownCode: string;
  /** Someone of the same role elsewhere: refused for the scope, and told nothing of the state. */
  other: Tokens;
}

/**
 * Every state transition on a document checks who asks before what state the document is in: someone of the
 * right role but another venue, UPT or Kanwil gets 403 OUT_OF_SCOPE whatever the state, as for any other
 * cross-scope attempt, and so learns nothing of it. A party to the document gets the state's own refusal.
 */
describe('scope before state on every transition', () => {
  let env: TestEnvironment;
  const services = {} as Record<ServiceName, RunningService>;
  const demoOutput = scratchDir('demo');
  const attempts: Attempt[] = [];
  const call = async (service: ServiceName, method: string, path: string, token: Tokens, body?: object) => {
    const response = await fetch(`${services[service].url}${path}`, {
      method,
      headers: { authorization: token[service], 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const read = async (service: ServiceName, path: string) => (await call(service, 'GET', path, bearer('admin'))).body;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    await startServicesWithDemo(env, services, demoOutput.path);

    // what the demo left: statements paid (LP-TGR-1's also deposited), received dispatches, a shipped return, closed months
    const statements = (await read('reporting', '/statements?venue=IMI-TGR-LOUNGE&limit=200')).items;
    const deposited = statements.find((s: any) => s.status === 'DEPOSITED');
    const paid = statements.find((s: any) => s.status === 'PAID');
    const otherUpt = (upt: string) => (upt === 'LPP-TGR' ? 'LP-TGR-1' : 'LPP-TGR');
    const lounge = bearer('venue', 'IMI-TGR-LOUNGE');
    const otherVenue = bearer('venue', 'IMI-SBY-JUANDA');
    for (const s of [paid, deposited]) {
      attempts.push({
        what: `pay a ${s.status} statement`,
        service: 'reporting',
        method: 'POST',
        path: `/statements/${s.id}/payments`,
        body: { amount: s.figures.proceeds, paidOn: '2026-11-05', transferReference: 'TRF-AGAIN' },
        own: lounge,
        ownCode: 'ILLEGAL_TRANSITION',
        other: otherVenue,
      });
    }
    attempts.push({
      what: 'deposit a DEPOSITED statement',
      service: 'reporting',
      method: 'POST',
      path: `/statements/${deposited.id}/deposits`,
      body: {
        amount: deposited.figures.split.find((p: { name: string }) => p.name === 'PNBP').amount,
        simponiBillingCode: '820261205000999',
        ntpn: 'ZZZZ0000NTPN0009',
        depositedOn: '2026-11-08',
      },
      own: bearer('upt', deposited.uptCode),
      ownCode: 'ILLEGAL_TRANSITION',
      other: bearer('upt', otherUpt(deposited.uptCode)),
    });
    attempts.push({
      what: 'close a closed month',
      service: 'consignment',
      method: 'POST',
      path: `/agreements/${paid.agreementId}/periods/${paid.period}/close`,
      own: lounge,
      ownCode: 'PERIOD_ALREADY_CLOSED',
      other: otherVenue,
    });

    const [dispatch] = (await read('consignment', '/dispatches?venue=IMI-TGR-LOUNGE&status=RECEIVED&limit=1')).items;
    attempts.push(
      {
        what: 'confirm receipt of a received dispatch',
        service: 'consignment',
        method: 'POST',
        path: `/dispatches/${dispatch.id}/receipt`,
        body: { lines: [{ lineNo: 1, accepted: 1, damaged: 0, short: 0 }] },
        own: lounge,
        ownCode: 'ALREADY_RECEIVED',
        other: otherVenue,
      },
      {
        what: 'cancel a received dispatch',
        service: 'consignment',
        method: 'POST',
        path: `/dispatches/${dispatch.id}/cancel`,
        body: { reason: 'salah kirim' },
        own: bearer('upt', dispatch.uptCode),
        ownCode: 'ALREADY_RECEIVED',
        other: bearer('upt', otherUpt(dispatch.uptCode)),
      },
    );

    const [shipped] = (await read('consignment', '/returns?status=SHIPPED&limit=1')).items;
    const returnUpt = (await read('consignment', `/agreements/${shipped.agreementId}`)).uptCode;
    expect((await call('consignment', 'POST', `/returns/${shipped.id}/receive`, bearer('upt', returnUpt))).status).toBe(200);
    attempts.push({
      what: 'receive a received return',
      service: 'consignment',
      method: 'POST',
      path: `/returns/${shipped.id}/receive`,
      own: bearer('upt', returnUpt),
      ownCode: 'ALREADY_RECEIVED',
      other: bearer('upt', otherUpt(returnUpt)),
    });

    const [product] = (await read('catalog', '/products?upt=LP-TGR-1&status=APPROVED&limit=1')).items;
    const [ownUpt, ownCurator] = [bearer('upt', 'LP-TGR-1'), bearer('curator', 'KW-BANTEN')];
    const [strangerUpt, strangerCurator] = [bearer('upt', 'LPP-TGR'), bearer('curator', 'KW-DKI')];
    const scores = { quality: 4, packaging: 4, compliance: 4, marketPotential: 4 };
    attempts.push(
      {
        what: 'submit an approved product',
        service: 'catalog',
        method: 'POST',
        path: `/products/${product.id}/submit`,
        own: ownUpt,
        ownCode: 'ILLEGAL_TRANSITION',
        other: strangerUpt,
      },
      {
        what: 'revise an approved product',
        service: 'catalog',
        method: 'POST',
        path: `/products/${product.id}/revise`,
        own: ownUpt,
        ownCode: 'ILLEGAL_TRANSITION',
        other: strangerUpt,
      },
      {
        what: 'review an approved product',
        service: 'catalog',
        method: 'POST',
        path: `/products/${product.id}/reviews`,
        body: { decision: 'APPROVE', scores },
        own: ownCurator,
        ownCode: 'ILLEGAL_TRANSITION',
        other: strangerCurator,
      },
      {
        what: 'reinstate an approved product',
        service: 'catalog',
        method: 'POST',
        path: `/products/${product.id}/reinstate`,
        own: ownCurator,
        ownCode: 'ILLEGAL_TRANSITION',
        other: strangerCurator,
      },
    );
  }, 300_000);
  afterAll(() => cleanUp(stopEach(services), () => env?.dispose(), demoOutput.remove));

  it('refuses someone out of scope with 403 OUT_OF_SCOPE whatever the state, and a party with the state', async () => {
    expect(attempts).toHaveLength(11);
    const seen: string[] = [];
    for (const a of attempts) {
      const other = await call(a.service, a.method, a.path, a.other, a.body);
      const own = await call(a.service, a.method, a.path, a.own, a.body);
      seen.push(`${a.what}: other ${other.status} ${other.body.code}, own ${own.status} ${own.body.code}`);
      expect([a.what, other.status, other.body.code]).toEqual([a.what, 403, 'OUT_OF_SCOPE']);
      expect([a.what, JSON.stringify(other.body)]).toEqual([a.what, expect.not.stringMatching(STATES)]);
      expect([a.what, own.status, own.body.code]).toEqual([a.what, 409, a.ownCode]);
    }
    console.log(seen.join('\n'));
  });
});
