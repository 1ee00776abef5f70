import fc from 'fast-check';
import {
  appliesTo,
  bodyTextOf,
  CONTROL_CHARACTERS,
  hostileRequest,
  operationsOf,
  PlausibleValues,
  RawNumber,
  urlOf,
  type HostileRequest,
  type OpenApiDocument,
} from './hostile-requests';

/** A small document in the shape @nestjs/swagger writes. */
const doc: OpenApiDocument = {
  paths: {
    '/health': { get: {} },
    '/sales/batches': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } } } },
    '/pnbp-targets/{upt}/{year}': {
      put: {
        parameters: [
          { name: 'upt', in: 'path', required: true, schema: { type: 'string', example: 'LP-TGR-1' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Target' } } } },
      },
    },
    '/kanwils': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } }] } },
  },
  components: {
    schemas: {
      Batch: {
        type: 'object',
        required: ['lines'],
        properties: { lines: { type: 'array', minItems: 1, maxItems: 5000, items: { $ref: '#/components/schemas/Line' } } },
      },
      Line: {
        type: 'object',
        required: ['receiptNo', 'lineNo', 'productId'],
        properties: {
          receiptNo: { type: 'string', example: 'TGR-1' },
          lineNo: { type: 'integer', minimum: 1, maximum: 10000 },
          productId: { type: 'string' },
        },
      },
      Target: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer', minimum: 1 } } },
    },
  },
};
const operations = operationsOf('consignment', doc);
const operation = (path: string) => operations.find((op) => op.path === path)!;
const plausible = new PlausibleValues(['0190a0a0-0000-7000-8000-000000000000']);
const samples = (inputClass: Parameters<typeof hostileRequest>[0], path: string) =>
  fc.sample(hostileRequest(inputClass, operation(path), plausible), { numRuns: 50, seed: 13 });
const hasControl = (text: string) => [...text].some((c) => CONTROL_CHARACTERS.includes(c));
const bodyOf = (request: HostileRequest) => JSON.parse(bodyTextOf(request)!) as { lines: Record<string, unknown>[] };

describe('hostile requests from an OpenAPI document', () => {
  it('lists every operation but health, with its references resolved', () => {
    expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual([
      'POST /sales/batches',
      'PUT /pnbp-targets/{upt}/{year}',
      'GET /kanwils',
    ]);
    expect(operation('/sales/batches').body?.properties?.lines.items?.properties?.lineNo).toMatchObject({ type: 'integer' });
  });

  it('writes numbers into the JSON text exactly, and puts parameters into the URL', () => {
    const request: HostileRequest = {
      inputClass: 'edge-integer',
      operation: operation('/pnbp-targets/{upt}/{year}'),
      path: { upt: 'LP\u0000TGR', year: new RawNumber('-0') },
      query: { limit: new RawNumber('1e308'), offset: undefined },
      body: { value: { amount: new RawNumber('9223372036854775808'), zero: new RawNumber('-0') } },
    };
    expect(bodyTextOf(request)).toBe('{"amount":9223372036854775808,"zero":-0}');
    expect(urlOf('http://x', request)).toBe('http://x/pnbp-targets/LP%00TGR/-0?limit=1e308');
  });

  it('starts from plausible bodies: required fields present, real ids, bounds kept', () => {
    fc.assert(
      fc.property(plausible.of(operation('/sales/batches').body!), (value) => {
        const lines = (value as { lines: { receiptNo: string; lineNo: number; productId: string }[] }).lines;
        expect(lines.length).toBeGreaterThanOrEqual(1);
        for (const line of lines) {
          expect(line.lineNo).toBeGreaterThanOrEqual(1);
          expect(line.lineNo).toBeLessThanOrEqual(10000);
          expect(line.productId).toBe('0190a0a0-0000-7000-8000-000000000000');
          expect(typeof line.receiptNo).toBe('string');
        }
      }),
    );
  });

  it('breaks one string with a control character, and expects a refusal unless it is a tab or line break', () => {
    const requests = samples('control-character', '/sales/batches');
    for (const request of requests) {
      const line = bodyOf(request).lines.find((l) => Object.values(l).some((v) => typeof v === 'string' && hasControl(v)));
      const broken = [...Object.values(line ?? {}).filter((v): v is string => typeof v === 'string' && hasControl(v))[0]];
      const controls = broken.filter((c) => CONTROL_CHARACTERS.includes(c));
      expect(controls.length).toBeGreaterThan(0);
      expect(request.mustBeRefused).toBe(controls.some((c) => !'\t\n\r'.includes(c)));
    }
    expect(requests.some((r) => r.mustBeRefused)).toBe(true);
  });

  it('puts integers at and past every bound where an integer goes', () => {
    const seen = new Set<string>();
    for (const request of samples('edge-integer', '/pnbp-targets/{upt}/{year}')) {
      const text = `${urlOf('', request)} ${bodyTextOf(request)}`;
      const edge = /(2147483647|2147483648|-2147483649|9007199254740992|9223372036854775808|1e308|-0)\b/.exec(text)?.[1];
      expect(edge).toBeDefined();
      seen.add(edge!);
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('sends numbers as strings, which a body must refuse', () => {
    const refusedOnes = samples('numeric-string', '/sales/batches').filter((r) => r.mustBeRefused);
    expect(refusedOnes.length).toBeGreaterThan(0);
    for (const request of refusedOnes)
      expect(typeof bodyOf(request).lines.find((l) => typeof l.lineNo === 'string')?.lineNo).toBe('string');
  });

  it('nests depth bombs and fills arrays with empty objects at and one past their maximum', () => {
    for (const request of samples('depth-bomb', '/sales/batches')) {
      const text = bodyTextOf(request)!;
      expect(text.startsWith('[['.repeat(16)) || text.startsWith('{"a":'.repeat(16))).toBe(true);
    }
    const lengths = new Set(samples('max-length-array', '/sales/batches').map((r) => bodyOf(r).lines.length));
    expect([...lengths].sort()).toEqual([5000, 5001]);
    expect(bodyOf(samples('max-length-array', '/sales/batches')[0]).lines.every((line) => Object.keys(line).length === 0)).toBe(true);
  });

  it('applies each class only where it has something to break', () => {
    expect(appliesTo('depth-bomb', operation('/kanwils'))).toBe(false);
    expect(appliesTo('control-character', operation('/kanwils'))).toBe(false);
    expect(appliesTo('edge-integer', operation('/kanwils'))).toBe(true);
    expect(appliesTo('max-length-array', operation('/pnbp-targets/{upt}/{year}'))).toBe(false);
    expect(appliesTo('max-length-array', operation('/sales/batches'))).toBe(true);
  });
});
