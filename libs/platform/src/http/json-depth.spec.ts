import { DomainError } from '@titipan/kernel';
import { exceedsJsonDepth, jsonDepthLimit, MAX_JSON_DEPTH } from './json-depth';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const verify = (body: string, encoding: string | null = 'utf-8', bytes = Buffer.from(body)) =>
  jsonDepthLimit(3)(undefined, undefined, bytes, encoding);

describe('JSON depth limit', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(3), 3)).toBe(false);
    expect(exceedsJsonDepth(nested(4), 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(true);
  });

  it('measures depth, not the number of brackets', () => {
    expect(exceedsJsonDepth(`{"lines":[${Array(10_000).fill('{}').join(',')}]}`, 3)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(`{"name":"${'[{'.repeat(50)}"}`, 1)).toBe(false);
    expect(exceedsJsonDepth(`{"name":"a\\"[[[[","b":"\\\\"}`, 1)).toBe(false);
    expect(exceedsJsonDepth(`{"name":"a\\\\","b":[[]]}`, 2)).toBe(true);
  });

  it('reads UTF-8 bytes the same as text', () => {
    const body = `{"nama":"Keripik 🌶 [pedas]","x":[[["é"]]]}`;
    for (const limit of [3, 4]) expect(exceedsJsonDepth(Buffer.from(body), limit)).toBe(exceedsJsonDepth(body, limit));
  });

  it('scans a 100,000-level bomb in a few milliseconds', () => {
    const bomb = Buffer.from(nested(100_000));
    const started = performance.now();
    expect(exceedsJsonDepth(bomb, MAX_JSON_DEPTH)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses a bomb as 400 BODY_TOO_DEEP before the parser sees it', () => {
    expect(() => verify(nested(3))).not.toThrow();
    let error: unknown;
    try {
      verify(nested(4));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'validation', code: 'BODY_TOO_DEEP', details: { maxDepth: 3 } });
  });

  it('decodes a UTF-16 body before scanning it, and refuses a charset it cannot decode as 415', () => {
    expect(() => verify('', 'utf-16le', Buffer.from(nested(4), 'utf16le'))).toThrow(DomainError);
    expect(() => verify('', 'utf-16le', Buffer.from(nested(3), 'utf16le'))).not.toThrow();
    expect(() => verify('', 'utf-32', Buffer.from('{}'))).toThrow(expect.objectContaining({ status: 415, type: 'charset.unsupported' }));
  });
});
