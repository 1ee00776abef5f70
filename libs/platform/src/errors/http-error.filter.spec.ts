import { DomainError } from '@titipan/kernel';
import type { ArgumentsHost } from '@nestjs/common';
import { HttpErrorFilter } from './http-error.filter';

/** What the filter answers for an error: status and body. */
function answer(error: unknown): { status: number; body: { code: string; message: string } } {
  const sent = { status: 0, body: undefined as unknown as { code: string; message: string } };
  const response = {
    setHeader: () => response,
    status: (status: number) => ((sent.status = status), response),
    json: (body: { code: string; message: string }) => ((sent.body = body), response),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(error, host);
  return sent;
}

/** As body-parser passes on what its `verify` hook or its reader throws (http-errors adds status, expose and type). */
const fromBodyParser = (error: Error, status: number, type: string) =>
  Object.assign(error, { status, statusCode: status, expose: status < 500, type });

describe('HTTP error filter', () => {
  it('keeps the code of a DomainError thrown in the body parser (a depth bomb)', () => {
    const tooDeep = fromBodyParser(new DomainError('validation', 'BODY_TOO_DEEP', 'too deep'), 403, 'entity.verify.failed');
    expect(answer(tooDeep)).toMatchObject({ status: 400, body: { code: 'BODY_TOO_DEEP' } });
  });

  it("answers the body parser's own refusals with their status, not 500", () => {
    expect(answer(fromBodyParser(new Error('unsupported charset "LATIN1"'), 415, 'charset.unsupported'))).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_CHARSET', message: 'unsupported charset "LATIN1"' },
    });
    expect(answer(fromBodyParser(new Error('unsupported content encoding "br2"'), 415, 'encoding.unsupported'))).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_CONTENT_ENCODING' },
    });
    expect(answer(fromBodyParser(new Error('request aborted'), 400, 'request.aborted'))).toMatchObject({ status: 400 });
  });

  it('still answers 500, without its text, for what is not the client’s fault', () => {
    expect(answer(fromBodyParser(new Error('stream encoding should not be set'), 500, 'stream.encoding.set'))).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error' },
    });
    expect(answer(Object.assign(new Error('value out of range'), { status: 400 }))).toMatchObject({ status: 500 });
  });
});
