import { DomainError } from '@titipan/kernel';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { BoundedArray, IsInt32 } from './field-rules';
import { MAX_REPORTED_PROBLEMS } from './request-shape';
import { RequestValidationPipe } from './request-validation.pipe';

class Line {
  @IsString()
  receiptNo: string;

  @IsInt32(1, 10_000)
  lineNo: number;

  @IsUUID()
  productId: string;
}

class Upload {
  @BoundedArray({ min: 1, max: 5000, tooLongCode: 'BATCH_TOO_LARGE' })
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines: Line[];
}

const pipe = new RequestValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function refusal(value: unknown, metadata: ArgumentMetadata): Promise<DomainError> {
  const outcome = await pipe.transform(value, metadata).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(outcome)}`);
  return outcome;
}

describe('the request validation pipe', () => {
  it('refuses 100,000 empty lines as 413 BATCH_TOO_LARGE in milliseconds, validating none of them', async () => {
    const lines = Array.from({ length: 100_000 }, () => ({}));
    const started = performance.now();
    const error = await refusal({ lines }, body(Upload));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toMatchObject({ kind: 'too_large', code: 'BATCH_TOO_LARGE', details: { field: 'lines', max: 5000, received: 100_000 } });
    expect(JSON.stringify(error.details).length).toBeLessThan(200);
  });

  it('lists the first 50 failed rules of a long invalid upload, with the total', async () => {
    const error = await refusal({ lines: Array.from({ length: 100 }, () => ({})) }, body(Upload));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.details.total).toBeGreaterThanOrEqual(300);
    expect((error.details.fields as { field: string }[])[0].field).toBe('lines.0.receiptNo');
  });

  it('names an integer beyond its column', async () => {
    const line = { receiptNo: 'R-1', lineNo: 2 ** 31, productId: '0190a0a0-0000-7000-8000-000000000000' };
    const error = await refusal({ lines: [line] }, body(Upload));
    expect(error.details).toMatchObject({ fields: [{ field: 'lines.0.lineNo', rule: 'max' }], total: 1 });
  });

  it('refuses control characters in the body, the query and path parameters', async () => {
    const line = { receiptNo: 'R\u0000', lineNo: 1, productId: '0190a0a0-0000-7000-8000-000000000000' };
    expect(await refusal({ lines: [line] }, body(Upload))).toMatchObject({ code: 'CONTROL_CHARACTER' });
    expect(await refusal({ q: 'a\u0000' }, { type: 'query', metatype: Object })).toMatchObject({ code: 'CONTROL_CHARACTER' });
    expect((await refusal('A\u0000B', { type: 'param', metatype: String, data: 'code' })).details).toMatchObject({
      fields: [{ field: 'code' }],
    });
  });

  it('leaves parameters our own code supplies (the actor) alone', async () => {
    const actor = { id: 'a\u0000', role: 'admin' };
    await expect(pipe.transform(actor, { type: 'custom', metatype: Object })).resolves.toBe(actor);
  });

  it('passes a valid upload on, transformed', async () => {
    const line = { receiptNo: 'R-1', lineNo: 1, productId: '0190a0a0-0000-7000-8000-000000000000' };
    const upload = (await pipe.transform({ lines: [line] }, body(Upload))) as Upload;
    expect(upload).toBeInstanceOf(Upload);
    expect(upload.lines[0]).toBeInstanceOf(Line);
  });
});
