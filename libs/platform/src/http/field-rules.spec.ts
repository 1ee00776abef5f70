import { ApiProperty, PartialType } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@titipan/contracts';
import { BoundedArray, INT32_MAX, IsInt32, IsRupiah, MAX_SAFE_RUPIAH, MultiLineText } from './field-rules';

class Line {
  @ApiProperty({ description: 'line number' })
  @IsInt32(1)
  lineNo: number;

  @IsRupiah(0)
  amount: number;

  @BoundedArray({ min: 1, max: 2 })
  tags: string[];

  @MultiLineText()
  notes: string;
}

const valid: Line = { lineNo: 1, amount: 0, tags: ['a'], notes: 'first line\r\n\tsecond line' };
const problems = (changes: Partial<Record<keyof Line, unknown>>, type: new () => object = Line) =>
  flattenValidationErrors(validateSync(plainToInstance(type, { ...valid, ...changes }))).map((p) => `${p.field}:${p.rule}`);

describe('field rules', () => {
  it('bounds an int4 field to its column: 2^31 − 1 passes, 2^31, 2^53, 2^63 and 1e308 are refused by name', () => {
    expect(problems({ lineNo: INT32_MAX })).toEqual([]);
    for (const lineNo of [2 ** 31, 2 ** 53, 2 ** 63, 1e308]) expect(problems({ lineNo })).toEqual(['lineNo:max']);
    expect(problems({ lineNo: 0 })).toEqual(['lineNo:min']);
    expect(problems({ lineNo: 1.5 })).toEqual(['lineNo:isInt']);
    expect(problems({ lineNo: '5' })).toContain('lineNo:isInt');
  });

  it('bounds whole rupiah to what a JavaScript number carries exactly', () => {
    expect(problems({ amount: MAX_SAFE_RUPIAH })).toEqual([]);
    expect(problems({ amount: -0 })).toEqual([]);
    for (const amount of [2 ** 53, 2 ** 63, 1e308]) expect(problems({ amount })).toEqual(['amount:max']);
  });

  it('refuses bounds wider than the column when the class is declared', () => {
    expect(() => IsInt32(0, 2 ** 31)).toThrow(/IsInt32/);
    expect(() => IsRupiah(0, 2 ** 53)).toThrow(/IsRupiah/);
    expect(() => IsInt32(5, 1)).toThrow();
  });

  it('bounds an array at both ends', () => {
    expect(problems({ tags: [] })).toEqual(['tags:arrayMinSize']);
    expect(problems({ tags: ['a', 'b', 'c'] })).toEqual(['tags:arrayMaxSize']);
    expect(problems({ tags: 'a' })).toEqual(expect.arrayContaining(['tags:isArray']));
  });

  it('allows tab and line breaks in multi-line text, no other control character, also in a PartialType', () => {
    class LinePatch extends PartialType(Line) {}
    for (const type of [Line, LinePatch]) {
      expect(problems({}, type)).toEqual([]);
      for (const notes of ['a\u0000b', 'a\u0007', 'a\u001B[31m', 'a\u007F', 'a\u0085', 'a\u009F']) {
        expect(problems({ notes }, type)).toEqual(['notes:multiLineText']);
      }
    }
  });

  it('writes the bounds into the OpenAPI schema, keeping what the property says itself', () => {
    const schema = (property: string) => Reflect.getMetadata('swagger/apiModelProperties', Line.prototype, property) as object;
    expect(schema('lineNo')).toMatchObject({ type: 'integer', minimum: 1, maximum: INT32_MAX, description: 'line number' });
    expect(schema('amount')).toMatchObject({ type: 'integer', minimum: 0, maximum: MAX_SAFE_RUPIAH });
    expect(schema('tags')).toMatchObject({ minItems: 1, maxItems: 2 });
  });
});
