import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The field rules every request DTO states the same way: integers bounded by the column they end up in,
 * arrays with a declared maximum length (checked before their elements are), and free text that may span
 * lines. Each decorator also writes its bounds into the OpenAPI document, so the documentation and the
 * hostile-input suite read the same numbers the validation enforces.
 */

/** Largest value of a Postgres `integer` (int4) column. */
export const INT32_MAX = 2 ** 31 - 1;
export const INT32_MIN = -(2 ** 31);

/**
 * Largest whole-rupiah amount accepted: money columns are `bigint` (up to 2^63 − 1), but the services carry
 * amounts as JavaScript numbers, which are exact only up to 2^53 − 1.
 */
export const MAX_SAFE_RUPIAH = Number.MAX_SAFE_INTEGER;

/**
 * Writes the bounds into the property's OpenAPI schema. @nestjs/swagger merges it with the property's own
 * @ApiProperty (description, example, required), whichever of the two is applied first.
 */
const documented = (schema: { type?: 'integer'; minimum?: number; maximum?: number; minItems?: number; maxItems?: number }) =>
  ApiProperty(schema);

function boundedInteger(min: number, max: number, limit: number, what: string): PropertyDecorator {
  if (!(min <= max && max <= limit && min >= -limit)) throw new Error(`${what} bounds [${min}, ${max}] must lie within ±${limit}`);
  return applyDecorators(IsInt(), Min(min), Max(max), documented({ type: 'integer', minimum: min, maximum: max }));
}

/** An integer stored in an `integer` (int4) column: 2^31 or 1e308 is a 400 naming the field, not a database error. */
export const IsInt32 = (min: number, max = INT32_MAX): PropertyDecorator => boundedInteger(min, max, INT32_MAX, 'IsInt32');

/** Whole rupiah stored in a `bigint` column and carried as a JavaScript number: at most 2^53 − 1. */
export const IsRupiah = (min: number, max = MAX_SAFE_RUPIAH): PropertyDecorator => boundedInteger(min, max, MAX_SAFE_RUPIAH, 'IsRupiah');

/** Name of the check the request-shape pass reads to find an array's maximum length (class-validator's own). */
export const ARRAY_MAX_SIZE = 'arrayMaxSize';

export interface BoundedArrayOptions {
  min?: number;
  max: number;
  /** Code of the 413 an over-long array gets (default TOO_MANY_ITEMS), e.g. BATCH_TOO_LARGE. */
  tooLongCode?: string;
}

/**
 * An array with a maximum length. The request-shape pass refuses an over-long array (413) before any of
 * its elements is transformed or validated, so a huge array costs one comparison, not one error per element.
 */
export function BoundedArray({ min = 0, max, tooLongCode }: BoundedArrayOptions): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(max, { context: { tooLongCode } }),
    documented({ minItems: min > 0 ? min : undefined, maxItems: max }),
  );
}

/**
 * Control characters no stored text may hold: C0 (NUL among them, which Postgres refuses in text), DEL and
 * C1. Tab, line feed and carriage return are allowed only in fields marked @MultiLineText.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Name of the marker the request-shape pass reads to allow tabs and line breaks in a field. */
export const MULTI_LINE_TEXT = 'multiLineText';

/**
 * Free text that may span lines (a description, notes, a reason): tab, LF and CR are allowed, other control
 * characters are not. Registered as a class-validator rule, so mapped types (PartialType) inherit it.
 */
export const MultiLineText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: MULTI_LINE_TEXT,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(value),
        defaultMessage: () => '$property must not contain control characters other than tab and line breaks',
      },
    },
    options,
  );
