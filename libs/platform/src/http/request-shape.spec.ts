import { DomainError } from '@titipan/kernel';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { BoundedArray, MultiLineText } from './field-rules';
import { assertRequestShape, MAX_REPORTED_PROBLEMS } from './request-shape';

class Item {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  @MultiLineText()
  note?: string;

  @IsOptional()
  @BoundedArray({ max: 3 })
  codes?: string[];
}

class Batch {
  @IsString()
  title: string;

  @BoundedArray({ max: 5, tooLongCode: 'BATCH_TOO_LARGE' })
  @ValidateNested({ each: true })
  @Type(() => Item)
  items: Item[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Item)
  main?: Item;
}

class BatchPatch extends PartialType(Batch) {}

const refusal = (value: unknown, metatype: unknown = Batch, name?: string): DomainError | undefined => {
  try {
    assertRequestShape(value, metatype, name);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe('request shape, checked before transformation and validation', () => {
  it('lets an ordinary request through', () => {
    expect(refusal({ title: 'x', items: [{ name: 'a', note: 'one\ntwo' }], main: { name: 'b', codes: ['c'] } })).toBeUndefined();
  });

  it('refuses an array over its maximum without reading one element', () => {
    const items = new Array<unknown>(100_000);
    Object.defineProperty(items, 0, {
      get: () => {
        throw new Error('an element was read');
      },
    });
    expect(refusal({ title: 'x', items })).toMatchObject({
      kind: 'too_large',
      code: 'BATCH_TOO_LARGE',
      details: { field: 'items', max: 5, received: 100_000 },
    });
  });

  it('answers TOO_MANY_ITEMS, naming the path, for a nested array without a code of its own', () => {
    expect(refusal({ title: 'x', items: [{ name: 'a' }, { name: 'b', codes: ['1', '2', '3', '4'] }] })).toMatchObject({
      kind: 'too_large',
      code: 'TOO_MANY_ITEMS',
      details: { field: 'items.1.codes', max: 3, received: 4 },
    });
  });

  it('reads the limits of a mapped type (PartialType) too', () => {
    expect(refusal({ items: Array(6).fill({}) }, BatchPatch)).toMatchObject({ code: 'BATCH_TOO_LARGE' });
  });

  it('refuses control characters in any string, naming each field', () => {
    const error = refusal({ title: 'a\u0000b', items: [{ name: 'ok' }, { name: 'x\u007F' }], main: { name: 'y\u0085' }, extra: '\u001B' });
    expect(error).toMatchObject({ kind: 'validation', code: 'CONTROL_CHARACTER', details: { total: 4 } });
    expect((error?.details.fields as { field: string; rule: string }[]).map((f) => `${f.field}:${f.rule}`)).toEqual([
      'title:noControlCharacters',
      'items.1.name:noControlCharacters',
      'main.name:noControlCharacters',
      'extra:noControlCharacters',
    ]);
  });

  it('refuses half of a surrogate pair (which jsonb would refuse at the outbox), and takes a whole pair', () => {
    const error = refusal({ title: 'Keripik \uD800', items: [{ name: '\uDC00x' }] });
    expect(error).toMatchObject({ kind: 'validation', code: 'MALFORMED_TEXT', details: { total: 2 } });
    expect((error?.details.fields as { field: string; rule: string }[]).map((f) => `${f.field}:${f.rule}`)).toEqual([
      'title:wellFormedUnicode',
      'items.0.name:wellFormedUnicode',
    ]);
    expect(refusal({ title: 'Keripik \uD83C\uDF36 pedas', items: [] })).toBeUndefined();
    // a control character elsewhere names the request's main fault
    expect(refusal({ title: '\uD800', items: [{ name: 'a\u0000' }] })).toMatchObject({ code: 'CONTROL_CHARACTER', details: { total: 2 } });
  });

  it('allows tab and line breaks only in multi-line text', () => {
    expect(refusal({ title: 'x', items: [{ name: 'a', note: 'one\r\n\ttwo' }] })).toBeUndefined();
    expect(refusal({ title: 'x\n', items: [] })).toMatchObject({ code: 'CONTROL_CHARACTER' });
    expect(refusal({ title: 'x', items: [{ name: 'a\t' }] })).toMatchObject({ code: 'CONTROL_CHARACTER' });
    expect(refusal({ title: 'x', items: [{ name: 'a', note: 'one\u0000' }] })).toMatchObject({ code: 'CONTROL_CHARACTER' });
  });

  it('lists the first 50 problems and counts them all', () => {
    const error = refusal({ title: 'x', items: [], extra: Array(80).fill('\u0000') });
    expect(error?.details).toMatchObject({ total: 80 });
    expect(error?.details.fields).toHaveLength(MAX_REPORTED_PROBLEMS);
  });

  it('checks a single query or path parameter under its own name', () => {
    expect(refusal('LP\u0000TGR', String, 'code')?.details).toMatchObject({ fields: [{ field: 'code', rule: 'noControlCharacters' }] });
    expect(refusal('LP-TGR-1', String, 'code')).toBeUndefined();
    expect(refusal({ q: ['a', 'b\u0001'] }, Object)?.details).toMatchObject({ fields: [{ field: 'q.1' }] });
  });

  it('refuses a body that should be an object but is an array or a scalar, before it is mapped', () => {
    for (const body of [Array(100_000).fill({}), 'text', 5]) {
      expect(refusal(body)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ rule: 'isObject' }], total: 1 } });
    }
    // no body at all is left to validation, which reads it as an empty object
    expect(refusal(undefined)).toBeUndefined();
  });
});
