import type { FieldProblem } from '@titipan/contracts';
import { DomainError } from '@titipan/kernel';
import { getMetadataStorage } from 'class-validator';
import { ARRAY_MAX_SIZE, CONTROL_CHARACTERS, CONTROL_CHARACTERS_BUT_LINE_BREAKS, MULTI_LINE_TEXT } from './field-rules';
import { MAX_JSON_DEPTH } from './json-depth';

// class-transformer keeps the nested type of a property (@Type) in a storage it does not export from its
// index; @nestjs/mapped-types reads it the same way
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage'))
  .defaultMetadataStorage;

/** Most field problems one error answer lists; `total` says how many there were. */
export const MAX_REPORTED_PROBLEMS = 50;

/** A request class (a DTO), as Nest passes it in the parameter's metadata. */
type RequestClass = abstract new (...args: never[]) => unknown;

/** What the shape pass knows of one property of a request class. */
interface PropertyShape {
  maxItems?: number;
  tooLongCode?: string;
  multiLine: boolean;
  /** The class of a nested object, or of each element of an array. */
  nested?: RequestClass;
}

const shapes = new Map<RequestClass, Map<string, PropertyShape>>();

/** Read once per class from the decorators' metadata (inherited and mapped-type rules included). */
function shapeOf(dto: RequestClass): Map<string, PropertyShape> {
  let shape = shapes.get(dto);
  if (shape) return shape;
  shape = new Map();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const property = shape.get(rule.propertyName) ?? { multiLine: false };
    if (rule.name === ARRAY_MAX_SIZE) {
      property.maxItems = rule.constraints[0] as number;
      property.tooLongCode = (rule.context as { tooLongCode?: string } | undefined)?.tooLongCode;
    }
    if (rule.name === MULTI_LINE_TEXT) property.multiLine = true;
    property.nested ??= nestedClass(dto, rule.propertyName);
    shape.set(rule.propertyName, property);
  }
  shapes.set(dto, shape);
  return shape;
}

function nestedClass(dto: RequestClass, property: string): RequestClass | undefined {
  const type: unknown = transformerStorage.findTypeMetadata(dto, property)?.typeFunction();
  return typeof type === 'function' ? (type as RequestClass) : undefined;
}

/** A class the validation pipe validates: it carries class-validator rules. */
const isRequestClass = (metatype: unknown): metatype is RequestClass =>
  typeof metatype === 'function' && shapeOf(metatype as RequestClass).size > 0;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The checks that run on the raw request (body, query or path parameters) before it is transformed into its
 * class and validated, because they bound what that work costs or what may reach the database:
 *
 * - an array longer than its declared maximum is 413 (TOO_MANY_ITEMS, or the array's own code) at once,
 *   before a single element is looked at: 100,000 empty sale lines cost a comparison, not 100,000 errors;
 * - a body that should be an object but is an array or a scalar is 400, before class-transformer maps it
 *   (100,000 array elements would each become an instance first);
 * - a string anywhere with a control character is 400 CONTROL_CHARACTER naming each field (NUL is refused
 *   by Postgres text; the others have no business in stored text). Tab and line breaks only in @MultiLineText.
 *   A lone UTF-16 surrogate is 400 MALFORMED_TEXT the same way.
 *
 * `name` is the parameter's name for a single path or query parameter (`@Param('code')`).
 */
export function assertRequestShape(value: unknown, metatype: unknown, name?: string): void {
  const dto = isRequestClass(metatype) ? metatype : undefined;
  // no body at all is an empty one (the validation pipe reads it as {}), so a DTO of optional fields accepts it
  if (dto && value !== undefined && value !== null && !isPlainObject(value)) {
    throw new DomainError('validation', 'VALIDATION_FAILED', 'the request does not conform', {
      fields: [{ field: name ?? '', rule: 'isObject', message: 'must be a JSON object' }],
      total: 1,
    });
  }
  const problems: FieldProblem[] = [];
  let total = 0;
  let malformed = 0;
  const visit = (node: unknown, type: RequestClass | undefined, path: string, multiLine: boolean, depth: number): void => {
    if (typeof node === 'string') {
      if ((multiLine ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(node)) {
        if (++total <= MAX_REPORTED_PROBLEMS) problems.push(controlCharacterProblem(path, multiLine));
      } else if (LONE_SURROGATE.test(node)) {
        malformed++;
        if (++total <= MAX_REPORTED_PROBLEMS) problems.push(loneSurrogateProblem(path));
      }
      return;
    }
    // the body parser refuses deeper JSON; this bounds the walk whatever called it
    if (typeof node !== 'object' || node === null || depth > MAX_JSON_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((element, i) => visit(element, type, join(path, String(i)), multiLine, depth + 1));
      return;
    }
    const shape = type ? shapeOf(type) : undefined;
    for (const [key, child] of Object.entries(node)) {
      const property = shape?.get(key);
      if (property?.maxItems !== undefined && Array.isArray(child) && child.length > property.maxItems) {
        throw tooManyItems(join(path, key), property.maxItems, child.length, property.tooLongCode);
      }
      visit(child, property?.nested, join(path, key), property?.multiLine ?? false, depth + 1);
    }
  };
  visit(value, dto, name ?? '', false, 0);
  if (total > malformed) {
    throw new DomainError('validation', 'CONTROL_CHARACTER', 'text must not contain control characters', { fields: problems, total });
  }
  if (malformed > 0) throw new DomainError('validation', 'MALFORMED_TEXT', 'text must be well-formed Unicode', { fields: problems, total });
}

/**
 * Half of a UTF-16 surrogate pair on its own (JSON may spell one as \ud800): a text column takes it as U+FFFD,
 * but jsonb, which events and audit entries are stored as, refuses it, so it would fail as a 500 at the outbox.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function loneSurrogateProblem(field: string): FieldProblem {
  return { field, rule: 'wellFormedUnicode', message: `${field || 'the value'} holds half of a UTF-16 surrogate pair` };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function controlCharacterProblem(field: string, multiLine: boolean): FieldProblem {
  const allowed = multiLine ? ' other than tab and line breaks' : '';
  return { field, rule: 'noControlCharacters', message: `${field || 'the value'} must not contain control characters${allowed}` };
}

function tooManyItems(field: string, max: number, received: number, code = 'TOO_MANY_ITEMS'): DomainError {
  return new DomainError('too_large', code, `${field} holds at most ${max} items, this one ${received}; split the request`, {
    field,
    max,
    received,
  });
}
