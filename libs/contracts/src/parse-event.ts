import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvelopeShape, type EventEnvelope } from './envelope';
import { readJsonObject, type FieldProblem, type ParseResult } from './event-reader';
import { EventRegistry } from './event-registry';

/** Flattens class-validator's tree into `field` paths with the rule that failed. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

const defaultRegistry = new EventRegistry();

/**
 * The former consumer-side parse, with class-transformer and class-validator (what the HTTP edge still uses).
 * Consumers read with EventReader (compiled ajv); this stays as the reference the property test and the
 * parse bench compare EventReader with.
 */
export function parseEventWithClassValidator(value: Buffer | string | null, registry: EventRegistry = defaultRegistry): ParseResult {
  const read = readJsonObject(value);
  if ('kind' in read) return read;
  const json = read.object;
  // the payload is transformed once, by its own class below; the envelope's copy leaves it untouched
  const envelope = plainToInstance(EnvelopeShape, { ...json, data: undefined });
  envelope.data = (json as { data?: object }).data as object;
  const envelopeProblems = flattenValidationErrors(validateSync(envelope, { forbidUnknownValues: true }));
  if (envelopeProblems.length > 0) {
    return { kind: 'invalid', reason: 'envelope does not conform', problems: envelopeProblems };
  }
  const raw = json as EventEnvelope<object>;
  const definition = registry.find(raw.type, raw.version);
  if (!definition) return { kind: 'unknown', event: raw };

  const data: object = plainToInstance(definition.payload, raw.data);
  const dataProblems = flattenValidationErrors(validateSync(data, { whitelist: true, forbidUnknownValues: true }), 'data');
  if (dataProblems.length > 0) {
    return { kind: 'invalid', reason: `payload of ${raw.type} v${raw.version} does not conform`, problems: dataProblems };
  }
  return { kind: 'ok', event: { ...raw, data }, definition };
}
