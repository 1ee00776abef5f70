import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isISO8601, isUUID, maxLength, minLength } from 'class-validator';
import type { EventEnvelope } from './envelope';
import { definitionKey, type EventDefinition } from './event-definition';
import { EventRegistry } from './event-registry';
import { contractSchemas, iso8601Format, uuidFormat } from './event-schemas';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export type ParseResult =
  | { kind: 'ok'; event: EventEnvelope<object>; definition: EventDefinition }
  /** A well-formed envelope of a type or version this consumer does not know: ignore it (rule 4). */
  | { kind: 'unknown'; event: EventEnvelope<unknown> }
  /** Not JSON, not an envelope, or a payload that breaks its contract: a dead letter. */
  | { kind: 'invalid'; reason: string; problems: FieldProblem[] };

const ROOT = 'contracts';

/** One ajv with the contract schemas and the formats they use, compiled code kept per schema. */
export function contractsAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true, // every failing field is named in the dead letter, not just the first
    removeAdditional: 'all', // unknown fields are dropped, not refused: producers may add fields
    useDefaults: true, // a field added to a version takes its class default in events published before it
    strict: false,
    unicodeRegExp: false, // patterns mean what they mean in class-validator's RegExp (no `u` flag)
  });
  addFormats(ajv);
  for (const version of ['all', '7']) ajv.addFormat(uuidFormat(version), (v: string) => isUUID(v, version as '7'));
  ajv.addFormat(iso8601Format({ strict: true }), (v: string) => isISO8601(v, { strict: true }));
  ajv.addFormat(iso8601Format(undefined), (v: string) => isISO8601(v));
  // string lengths as class-validator counts them (validator.js leaves out U+FE0E/U+FE0F variation selectors;
  // JSON Schema counts every code point), found by the property test in event-validation.spec.ts
  for (const [keyword, check] of [
    ['minLength', minLength],
    ['maxLength', maxLength],
  ] as const) {
    ajv.removeKeyword(keyword);
    ajv.addKeyword({ keyword, type: 'string', schemaType: 'number', validate: (limit: number, data: string) => check(data, limit) });
  }
  ajv.addSchema({ $id: ROOT, definitions: contractSchemas(`${ROOT}#/definitions/`) });
  return ajv;
}

/** ajv's errors as `field` paths (`data.lines.0.quantity`) with the keyword that failed. */
function problemsOf(errors: ErrorObject[] | null | undefined, prefix: string): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const e of errors ?? []) {
    // an optional field is `null or <rule>`: the rule that failed is the one worth naming
    if (e.keyword === 'anyOf' || (e.keyword === 'type' && e.params.type === 'null')) continue;
    const path = e.instancePath.split('/').slice(1);
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    const field = [prefix, ...path].filter(Boolean).join('.');
    problems.set(`${field}:${e.keyword}`, { field, rule: e.keyword, message: `${field} ${e.message ?? 'is invalid'}` });
  }
  return [...problems.values()];
}

/**
 * Reads Kafka message values into validated envelopes with validators compiled once (the envelope, and each
 * event definition of the registry) from the contract classes' JSON Schemas. Unknown payload fields are dropped.
 */
export class EventReader {
  private static instance?: EventReader;
  private readonly envelope: ValidateFunction;
  private readonly payloads = new Map<string, { definition: EventDefinition; validate: ValidateFunction }>();

  constructor(readonly registry: EventRegistry = new EventRegistry()) {
    const ajv = contractsAjv();
    this.envelope = ajv.compile({ $ref: `${ROOT}#/definitions/EnvelopeShape` });
    for (const definition of registry.all()) {
      this.payloads.set(definitionKey(definition.type, definition.version), {
        definition,
        validate: ajv.compile({ $ref: `${ROOT}#/definitions/${definition.payload.name}` }),
      });
    }
  }

  /** One compiled reader per process for the full registry (compiling takes tens of milliseconds). */
  static shared(): EventReader {
    return (EventReader.instance ??= new EventReader());
  }

  read(value: Buffer | string | null): ParseResult {
    const json = readJsonObject(value);
    if ('kind' in json) return json;
    const raw = json.object as EventEnvelope<object>;
    const data = raw.data;
    // the payload is checked by its own schema below; the envelope's pass must not strip its fields
    raw.data = {};
    const envelopeOk = this.envelope(raw);
    raw.data = data;
    if (!envelopeOk || typeof data !== 'object' || data === null || Array.isArray(data)) {
      const problems = envelopeOk
        ? [{ field: 'data', rule: 'type', message: 'data must be object' }]
        : problemsOf(this.envelope.errors, '');
      return { kind: 'invalid', reason: 'envelope does not conform', problems };
    }
    const known = this.payloads.get(definitionKey(raw.type, raw.version));
    if (!known) return { kind: 'unknown', event: raw };
    if (!known.validate(data)) {
      return {
        kind: 'invalid',
        reason: `payload of ${raw.type} v${raw.version} does not conform`,
        problems: problemsOf(known.validate.errors, 'data'),
      };
    }
    return { kind: 'ok', event: raw, definition: known.definition };
  }
}

/** Parses a Kafka message value into a validated envelope (see EventReader). */
export function parseEvent(value: Buffer | string | null, reader: EventReader = EventReader.shared()): ParseResult {
  return reader.read(value);
}

/** A message's value as a JSON object, or why it is not one (both readers refuse the same way). */
export function readJsonObject(value: Buffer | string | null): { object: object } | Extract<ParseResult, { kind: 'invalid' }> {
  if (value === null || value.length === 0) return { kind: 'invalid', reason: 'empty message', problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(value.toString());
  } catch (e) {
    return { kind: 'invalid', reason: `not JSON: ${(e as Error).message}`, problems: [] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'invalid', reason: 'not a JSON object', problems: [] };
  }
  return { object: json };
}
