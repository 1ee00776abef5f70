import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { ALL_EVENTS, contractSchemas, contractsAjv } from '.';

type Schema = Record<string, any>;

const schemas = contractSchemas('contracts#/definitions/');
const ajv = contractsAjv();
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Values that satisfy a schema, from the schema itself (so every event type is covered without hand-written samples). */
function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return valid(schemas[String(schema.$ref).split('/').pop()!], depth + 1);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s: Schema) => valid(s, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum === undefined ? -MAX_SAFE : BigInt(schema.minimum);
      const max = schema.maximum === undefined ? MAX_SAFE : BigInt(schema.maximum);
      return fc.oneof(fc.constantFrom(Number(min), Number(max)), fc.bigInt({ min, max }).map(Number));
    }
    case 'string':
      if (schema.format?.startsWith('uuid')) return fc.uuid(schema.format === 'uuid-7' ? { version: 7 } : {});
      if (schema.format?.startsWith('iso8601')) {
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      }
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40), unit: 'binary' });
    case 'array':
      return fc.array(valid(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      const required = new Set<string>(schema.required ?? []);
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, valid(s, depth + 1)])), {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
    default:
      return fc.anything();
  }
}

/** Values an attacker or a broken producer might put anywhere in a payload. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -0,
    1.5,
    2 ** 53,
    -(2 ** 53),
    1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -2147483649,
    2147483648,
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '',
    ' ',
    '\u0000',
    'A\u0000B',
    '0190c8e4-0000-7000-8000-00000000a001\u0000',
    'urn:uuid:0190c8e4-0000-7000-8000-00000000a001',
    '00000000-0000-0000-0000-000000000000',
    '2026-02-30T00:00:00Z',
    '2026-01-01',
    '2026-13',
    'x'.repeat(10_000),
    [],
    {},
    { __proto__: { polluted: true } },
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom('\uFE0F'.repeat(16), 'A\uFE0E'.repeat(8), '\uD83D\uDE00'.repeat(16), '\uD800'.repeat(3)),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.letrec((tie) => ({ nest: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.record({ a: tie('nest') })) })).nest,
);

/** Replaces, deletes or adds a field somewhere in the value (nested lines included). */
function mutate(value: unknown, random: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (Array.isArray(value) && value.length > 0) {
    return fc.nat(value.length - 1).chain((i) => mutate(value[i], random).map((v) => value.map((x, j) => (j === i ? v : x))));
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    return fc.oneof(
      random.map((v) => ({ ...record, extraField: v })),
      ...(keys.length === 0
        ? []
        : [
            fc.constantFrom(...keys).chain((k) => random.map((v) => ({ ...record, [k]: v }))),
            fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k))),
            fc.constantFrom(...keys).chain((k) => mutate(record[k], random).map((v) => ({ ...record, [k]: v }))),
          ]),
    );
  }
  return random;
}

const clone = <T>(v: T): T => structuredClone(v);

describe('ajv (compiled from the contracts) and class-validator agree on every event type', () => {
  for (const definition of ALL_EVENTS) {
    const name = definition.payload.name;
    const compiled = ajv.getSchema(`contracts#/definitions/${name}`)!;
    const classValidatorAccepts = (data: unknown) => {
      try {
        return (
          validateSync(plainToInstance(definition.payload, data as object), { whitelist: true, forbidUnknownValues: true }).length === 0
        );
      } catch {
        return false; // null and other non-objects make it throw: a refusal
      }
    };
    const agree = (payload: unknown) => {
      if (payload === undefined) return;
      const json = JSON.stringify(payload); // what travels: a JSON value
      const ajvAccepts = compiled(JSON.parse(json)) === true;
      expect({ payload: json.slice(0, 2000), ajv: ajvAccepts }).toEqual({
        payload: json.slice(0, 2000),
        ajv: classValidatorAccepts(JSON.parse(json)),
      });
      return ajvAccepts;
    };

    it(`${definition.type} v${definition.version}: valid payloads, both accept`, () => {
      fc.assert(
        fc.property(valid(schemas[name]), (payload) => {
          expect(agree(clone(payload))).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it(`${definition.type} v${definition.version}: hostile payloads, both accept or both refuse`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            valid(schemas[name]).chain((p) => mutate(clone(p), hostileValue)),
            hostileValue,
          ),
          (payload) => void agree(payload),
        ),
        { numRuns: 300 },
      );
    });
  }
});
