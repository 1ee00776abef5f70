import fc from 'fast-check';
import type { ServiceName } from '@titipan/platform';

/**
 * Hostile requests built from the services' own OpenAPI documents: every operation, its path and query
 * parameters and its body schema. Each input class starts from a plausible request (examples, patterns, real
 * ids, bounds) and breaks one thing, so the broken part reaches as deep into the service as it can.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  service: ServiceName;
  method: string;
  /** OpenAPI path, with `{name}` placeholders. */
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of a service's document except health (no input) and the docs themselves. */
export function operationsOf(service: ServiceName, doc: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {});
    const properties = schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v)]));
    return { ...schema, properties, items: schema.items && resolve(schema.items) };
  };
  return Object.entries(doc.paths)
    .filter(([path]) => !path.startsWith('/health') && !path.startsWith('/docs'))
    .flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => {
          const body = op.requestBody?.content?.['application/json']?.schema;
          return {
            service,
            method: method.toUpperCase(),
            path,
            parameters: (op.parameters ?? []).filter((p) => p.in !== 'header').map((p) => ({ ...p, schema: resolve(p.schema) })),
            body: body && resolve(body),
          };
        }),
    );
}

/**
 * A request that any role allowed to call the operation gets refused with 400 after the role check (a control
 * character in a path parameter, the body or the query), so probing it with each token tells which roles
 * may call it without changing anything. Undefined for an operation that takes no input at all.
 */
export function roleProbe(operation: Operation): HostileRequest | undefined {
  const path = operation.parameters.filter((p) => p.in === 'path');
  const probe = { inputClass: 'random' as const, operation, path: {}, query: {} };
  if (path.length > 0) return { ...probe, path: Object.fromEntries(path.map((p) => [p.name, 'probe\u0001'])) };
  if (operation.body) return { ...probe, body: { value: { probe: '\u0000' } } };
  if (operation.method === 'GET') return { ...probe, query: { probe: '\u0000' } };
  return undefined;
}

/** A number written into the JSON text exactly as given (-0, 2^63, 1e308), which JSON.stringify cannot do. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export interface HostileRequest {
  inputClass: InputClass;
  operation: Operation;
  /** Path parameter and query values; RawNumber for number literals. */
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** A value to serialise, or raw text (a depth bomb). */
  body?: { value: unknown } | { text: string };
  /** Whether no answer but a refusal is right (a control character in text, a number sent as a string). */
  mustBeRefused?: boolean;
}

export function urlOf(base: string, request: HostileRequest): string {
  const path = request.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(textOf(request.path[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) if (value !== undefined) query.append(name, textOf(value));
  const search = query.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

const textOf = (value: unknown) => (value instanceof RawNumber ? value.text : typeof value === 'string' ? value : JSON.stringify(value));

export function bodyTextOf(request: HostileRequest): string | undefined {
  if (!request.body) return undefined;
  if ('text' in request.body) return request.body.text;
  const raw: string[] = [];
  const text = JSON.stringify(request.body.value, (_key, value: unknown) => {
    if (!(value instanceof RawNumber)) return value;
    raw.push(value.text);
    return `@@raw${raw.length - 1}@@`;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_, i: string) => raw[Number(i)]);
}

/** Integers at and beyond every bound a column or a JavaScript number has. */
export const EDGE_INTEGERS = ['2147483647', '2147483648', '-2147483649', '9007199254740992', '9223372036854775808', '1e308', '-0'];
/** Numbers written as strings, and strings that look like numbers. */
export const NUMERIC_STRINGS = ['5', '-0', '1e3', '0x1F', ' 7 ', '2147483648', '1e309', 'NaN', 'Infinity', '١٢٣'];
/** Every C0 control character, DEL and the C1 range. */
export const CONTROL_CHARACTERS = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map((c) =>
  String.fromCharCode(c),
);
export const DEPTHS = [33, 5_000, 10_000, 100_000];

/** Strings that have broken systems before: SQL, control and unicode characters, odd numbers and dates. */
const HOSTILE = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE stock_movement; --",
    '" OR 1=1 --',
    '\u0000\u0001\u0002',
    '\u202Eevil',
    '🧺💥',
    'LP-TGR-1',
    'IMI-TGR-LOUNGE',
    '2026-13-45',
    '9999-12-31T99:99:99Z',
    '-1',
    'NaN',
    '1e309',
    'x'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const HOSTILE_NUMBER = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: false }),
);
/** Any JSON value, shaped a little like ours. */
const RANDOM_VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    HOSTILE,
    HOSTILE_NUMBER,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        HOSTILE,
        fc.constantFrom('lines', 'quantity', 'productId', 'agreementId', 'price', 'code', 'receiptNo', '__proto__', 'constructor'),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

export const INPUT_CLASSES = ['random', 'control-character', 'edge-integer', 'numeric-string', 'depth-bomb', 'max-length-array'] as const;
export type InputClass = (typeof INPUT_CLASSES)[number];

/** Where in a request a value sits: a path or query parameter, or a path into the body. */
type Slot = { in: 'path' | 'query'; name: string; schema: Schema } | { in: 'body'; at: (string | number)[]; schema: Schema };

const isInteger = (s: Schema) => s.type === 'integer' || s.type === 'number';
const isString = (s: Schema) => s.type === 'string';

/** Plausible values: what a well-meaning client would send, so one broken value travels as far as it can. */
export class PlausibleValues {
  constructor(readonly ids: string[]) {}

  of(schema: Schema, name = ''): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.type === 'array') {
      const item = schema.items ?? {};
      return fc.array(this.of(item, name), { minLength: Math.max(1, schema.minItems ?? 0), maxLength: Math.min(3, schema.maxItems ?? 3) });
    }
    if (schema.properties) {
      // optional fields come and go, so a request is often complete and valid but for the one broken value
      const fields = Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, this.of(property, key)]));
      return fc.record(fields, { requiredKeys: schema.required ?? [] });
    }
    if (isInteger(schema)) {
      const min = schema.minimum ?? 0;
      const example = typeof schema.example === 'number' ? [fc.constant(schema.example)] : [];
      return fc.oneof(...example, fc.integer({ min, max: Math.min(schema.maximum ?? min + 100, min + 100) }));
    }
    if (schema.type === 'boolean') return fc.boolean();
    if (!isString(schema)) return fc.constant(schema.example ?? null);
    if (schema.format === 'uuid' || /(^id$|Id$|^agreement$|^product$)/.test(name)) return fc.constantFrom(...this.ids);
    if (/At$/.test(name)) return fc.integer({ min: 0, max: 30 * 24 * 60 }).map((m) => new Date(Date.now() - m * 60_000).toISOString());
    if (schema.pattern && !/\\d\{4\}/.test(schema.pattern)) return fc.stringMatching(new RegExp(schema.pattern));
    const maxLength = Math.min(schema.maxLength ?? 30, 30);
    const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
    return fc.oneof(...example, fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-'), minLength: 1, maxLength }));
  }

  /** Path and query values of an operation: every path parameter, some of the query ones. */
  parameters(operation: Operation): fc.Arbitrary<{ path: Record<string, unknown>; query: Record<string, unknown> }> {
    const path = operation.parameters.filter((p) => p.in === 'path');
    const query = operation.parameters.filter((p) => p.in === 'query');
    return fc.record({
      path: fc.record(Object.fromEntries(path.map((p) => [p.name, this.of(p.schema, p.name)]))),
      query: fc.record(
        Object.fromEntries(
          query.map((p) => [p.name, p.required ? this.of(p.schema, p.name) : fc.option(this.of(p.schema, p.name), { nil: undefined })]),
        ),
      ),
    });
  }
}

/** Every slot of a plausible request where a value of the wanted kind sits. */
function slotsOf(operation: Operation, body: unknown, wanted: (s: Schema) => boolean): Slot[] {
  const slots: Slot[] = operation.parameters
    .filter((p) => (p.in === 'path' || p.in === 'query') && wanted(p.schema))
    .map((p) => ({ in: p.in as 'path' | 'query', name: p.name, schema: p.schema }));
  const visit = (value: unknown, schema: Schema | undefined, at: (string | number)[]) => {
    if (!schema) return;
    if (wanted(schema) && !schema.properties && schema.type !== 'array') slots.push({ in: 'body', at, schema });
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, schema.items, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, schema.properties?.[k], [...at, k]);
  };
  visit(body, operation.body, []);
  return slots;
}

function withSlot(request: HostileRequest, slot: Slot, value: unknown): HostileRequest {
  if (slot.in !== 'body') return { ...request, [slot.in]: { ...request[slot.in], [slot.name]: value } };
  const body = structuredClone((request.body as { value: unknown }).value);
  if (slot.at.length === 0) return { ...request, body: { value } };
  let parent = body as Record<string | number, unknown>;
  for (const key of slot.at.slice(0, -1)) parent = (parent[key] ??= {}) as Record<string | number, unknown>;
  parent[slot.at[slot.at.length - 1]] = value;
  return { ...request, body: { value: body } };
}

/** Whether a schema holds a value of the wanted kind anywhere. */
const holds = (schema: Schema | undefined, wanted: (s: Schema) => boolean): boolean =>
  !!schema && (wanted(schema) || holds(schema.items, wanted) || Object.values(schema.properties ?? {}).some((p) => holds(p, wanted)));

/** Which operations an input class applies to: those with a place for the value it breaks. */
export function appliesTo(inputClass: InputClass, operation: Operation): boolean {
  const takes = (wanted: (s: Schema) => boolean) => operation.parameters.some((p) => wanted(p.schema)) || holds(operation.body, wanted);
  switch (inputClass) {
    case 'random':
      return true;
    case 'control-character':
      return takes(isString);
    case 'edge-integer':
      return takes(isInteger);
    case 'numeric-string':
      return takes((s) => isInteger(s) || isString(s));
    case 'depth-bomb':
      return operation.body !== undefined;
    case 'max-length-array':
      return arraySlotsOf(operation.body).length > 0;
  }
}

/** One hostile request of the given class against the given operation. */
export function hostileRequest(inputClass: InputClass, operation: Operation, plausible: PlausibleValues): fc.Arbitrary<HostileRequest> {
  const base = fc
    .tuple(plausible.parameters(operation), operation.body ? plausible.of(operation.body) : fc.constant(undefined))
    .map(([{ path, query }, body]): HostileRequest => ({
      inputClass,
      operation,
      path,
      query,
      body: operation.body ? { value: body } : undefined,
    }));
  const breakOne = (
    wanted: (s: Schema) => boolean,
    broken: (slot: Slot) => fc.Arbitrary<unknown>,
    mustBeRefused: (slot: Slot, value: unknown) => boolean = () => false,
  ) =>
    base.chain((request) => {
      const slots = slotsOf(operation, request.body && 'value' in request.body ? request.body.value : undefined, wanted);
      if (slots.length === 0) return fc.constant(request);
      return fc
        .nat({ max: slots.length - 1 })
        .chain((i) =>
          broken(slots[i]).map((value) => ({ ...withSlot(request, slots[i], value), mustBeRefused: mustBeRefused(slots[i], value) })),
        );
    });

  switch (inputClass) {
    case 'random':
      return base.chain((request) =>
        fc
          .record({
            path: fc.record(
              Object.fromEntries(Object.keys(request.path).map((name) => [name, fc.oneof(fc.constantFrom(...plausible.ids), HOSTILE)])),
            ),
            query: fc.record(Object.fromEntries(Object.keys(request.query).map((name) => [name, fc.option(HOSTILE, { nil: undefined })]))),
            body: fc.oneof(
              { weight: 4, arbitrary: RANDOM_VALUE },
              { weight: 1, arbitrary: fc.array(RANDOM_VALUE, { minLength: 5001, maxLength: 5002 }).map((lines) => ({ lines })) },
            ),
          })
          .map(({ path, query, body }) => ({ ...request, path, query, body: request.body ? { value: body } : undefined })),
      );
    case 'control-character':
      // tab and line breaks are text in a description or a reason; every other control character is refused
      return breakOne(
        isString,
        () =>
          fc
            .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ maxLength: 10 }))
            .map(([before, control, after]) => `${before}${control}${after}`),
        (_slot, value) => /[^\t\n\r\u0020-\u007E\u00A0-\uFFFF]/.test(String(value)),
      );
    case 'edge-integer':
      return breakOne(isInteger, () => fc.constantFrom(...EDGE_INTEGERS).map((text) => new RawNumber(text)));
    case 'numeric-string':
      // a number in a body is never coerced from a string
      return breakOne(
        (s) => isInteger(s) || isString(s),
        () => fc.constantFrom(...NUMERIC_STRINGS),
        (slot) => slot.in === 'body' && isInteger(slot.schema),
      );
    case 'depth-bomb':
      return fc.tuple(base, fc.constantFrom(...DEPTHS), fc.boolean()).map(([request, depth, arrays]) => ({
        ...request,
        body: { text: arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) },
      }));
    case 'max-length-array':
      return base.chain((request) => {
        const arrays = arraySlotsOf(operation.body);
        return fc.tuple(fc.nat({ max: arrays.length - 1 }), fc.constantFrom(0, 1)).map(([i, over]) => {
          const slot = arrays[i];
          const length = (slot.schema.maxItems ?? 0) + over;
          return withSlot(
            request,
            slot,
            Array.from({ length }, () => ({})),
          );
        });
      });
  }
}

/** The arrays a body schema declares with a maximum length (outside other arrays), present in a request or not. */
function arraySlotsOf(schema: Schema | undefined, at: string[] = []): Slot[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, property]): Slot[] =>
    property.type === 'array'
      ? property.maxItems !== undefined
        ? [{ in: 'body', at: [...at, key], schema: property }]
        : []
      : arraySlotsOf(property, [...at, key]),
  );
}
