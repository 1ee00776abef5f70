import { getMetadataStorage, IS_ISO8601, IS_UUID, ValidationTypes } from 'class-validator';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { ActorShape, EnvelopeShape } from './envelope';
import { ALL_EVENTS } from './event-registry';
import { DispatchLineV1, LotQuantityV1, ReceiptLineV1, SaleLineV1, AdjustmentLineV1, KindTotalV1, EventPeriodV1 } from './consignment';
// class-transformer keeps its @Type metadata here; the schema generator follows it into nested lines
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

type Schema = Record<string, unknown>;

/** Every class an event refers to, nested lines and inherited rules included, in a fixed order (stable output). */
export const CONTRACT_CLASSES: readonly (new () => object)[] = [
  EnvelopeShape,
  ActorShape,
  DispatchLineV1,
  ReceiptLineV1,
  SaleLineV1,
  LotQuantityV1,
  AdjustmentLineV1,
  KindTotalV1,
  EventPeriodV1,
  ...ALL_EVENTS.map((d) => d.payload),
];

/**
 * Formats that mean exactly what the class-validator rule means (the generator's defaults are looser: any
 * UUID version, `urn:uuid:` prefixes, RFC 3339 instead of strict ISO 8601). The checks are the same functions
 * class-validator calls, so a compiled schema accepts what the contract class accepts.
 */
export const uuidFormat = (version: string | number | undefined) => `uuid-${version ?? 'all'}`;
export const iso8601Format = (options: { strict?: boolean } | undefined) => (options?.strict ? 'iso8601-strict' : 'iso8601');

type Converters = NonNullable<NonNullable<Parameters<typeof targetConstructorToSchema>[1]>['additionalConverters']>;

const converters: Converters = {
  [IS_UUID]: (meta) => ({ type: 'string', format: uuidFormat(meta.constraints?.[0] as string | undefined) }),
  [IS_ISO8601]: (meta) => ({ type: 'string', format: iso8601Format(meta.constraints?.[0] as { strict?: boolean }) }),
};

/** Properties marked @IsOptional: class-validator skips null as well as a missing value. */
function optionalProperties(target: new () => object): Set<string> {
  const metas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return new Set(metas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
}

/**
 * The JSON Schema of every contract class, from its class-validator rules: what the AsyncAPI document publishes
 * and what consumers compile with ajv. `refPrefix` is where the schemas will live (`#/components/schemas/` in AsyncAPI).
 */
export function contractSchemas(refPrefix: string): Record<string, Schema> {
  const options = {
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: refPrefix,
    additionalConverters: converters,
  };
  const entries = CONTRACT_CLASSES.map((target) => {
    const schema = targetConstructorToSchema(target, options) as Schema & { properties?: Record<string, Schema> };
    for (const name of optionalProperties(target)) {
      const property = schema.properties?.[name];
      if (property) schema.properties![name] = { anyOf: [{ type: 'null' }, property] };
    }
    // a field added to a version has a default in its class (decision 0014); older events are read with it
    for (const [name, value] of Object.entries(new target())) {
      const property = schema.properties?.[name];
      if (property && value !== undefined) property.default = value;
    }
    return [target.name, schema] as const;
  });
  return Object.fromEntries(entries);
}
