import { DomainError } from '@titipan/kernel';

/**
 * Deepest nesting of objects and arrays a JSON request body may have. The deepest request DTO is 3 levels
 * (body, `lines`, one line); 32 leaves room for any document we might add, while every recursive step that
 * follows the parser (class-transformer, class-validator, the request-shape check) stays a few dozen frames
 * deep. A body nested thousands of levels used to exhaust the stack in the validation pipe (500).
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether raw JSON text nests objects and arrays deeper than `maxDepth`, read in one pass without parsing.
 * Brackets inside strings do not count. Works on UTF-8 bytes (no multi-byte sequence contains an ASCII byte)
 * and on decoded text alike. Malformed JSON is left for the parser to refuse.
 */
export function exceedsJsonDepth(json: Uint8Array | string, maxDepth: number): boolean {
  const text = typeof json === 'string';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = text ? json.charCodeAt(i) : json[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSE.has(c)) depth--;
  }
  return false;
}

/** The refusal of a body nested too deep: 400 BODY_TOO_DEEP. */
export const bodyTooDeep = (maxDepth: number) =>
  new DomainError('validation', 'BODY_TOO_DEEP', `the JSON body nests objects and arrays more than ${maxDepth} levels deep`, { maxDepth });

/**
 * body-parser's `verify` hook: it sees the raw body before `JSON.parse`, so a depth bomb is refused without
 * being parsed. UTF-8 (the JSON default) is scanned as bytes; the rarer UTF-16 bodies are decoded first.
 * What it throws reaches the HTTP error filter (a DomainError keeps its code).
 */
export function jsonDepthLimit(maxDepth = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, body: Buffer, encoding: string | null): void => {
    const utf8 = encoding === null || /^utf-?8$/i.test(encoding);
    const json = utf8 ? body : decodeOrRefuse(body, encoding);
    if (exceedsJsonDepth(json, maxDepth)) throw bodyTooDeep(maxDepth);
  };
}

/** UTF-32 and UTF-7 pass the body parser's `utf-*` test but have no decoder here: 415, as for any other charset. */
function decodeOrRefuse(body: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(body);
  } catch {
    throw Object.assign(new Error(`unsupported charset "${encoding.toUpperCase()}"`), {
      status: 415,
      expose: true,
      type: 'charset.unsupported',
    });
  }
}
