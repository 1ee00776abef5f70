import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { MAX_SAFE_RUPIAH } from '@titipan/platform';

/**
 * Every class a controller of any service takes as its body, query or path parameters, and the classes nested
 * in them: no integer without bounds a JavaScript number and its column can hold, no array without a maximum
 * length (the request-shape pass checks it before the elements). Found from the controllers themselves, so
 * a new endpoint is checked without being listed here.
 */
const ROOT = join(__dirname, '..');
const controllerFiles = ['apps', 'libs'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.controller.ts'))
    .map((file) => join(ROOT, dir, file)),
);

type RequestClass = abstract new (...args: never[]) => unknown;

const rulesOf = (dto: RequestClass): ValidationMetadata[] => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);

function requestClasses(): Map<string, RequestClass> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transformerStorage = (require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage'))
    .defaultMetadataStorage;
  const found = new Map<string, RequestClass>();
  const add = (type: unknown) => {
    if (typeof type !== 'function' || found.has(type.name)) return;
    const dto = type as RequestClass;
    if (rulesOf(dto).length === 0) return;
    found.set(dto.name, dto);
    for (const rule of rulesOf(dto)) add(transformerStorage.findTypeMetadata(dto, rule.propertyName)?.typeFunction());
  };
  for (const file of controllerFiles) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const controller of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as object;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        for (const type of (Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined) ?? []) add(type);
      }
    }
  }
  return found;
}

describe('request DTOs', () => {
  const classes = requestClasses();
  const properties = [...classes].flatMap(([name, dto]) => {
    const byProperty = getMetadataStorage().groupByPropertyName(rulesOf(dto));
    return Object.entries(byProperty).map(([property, rules]) => ({ field: `${name}.${property}`, rules }));
  });
  const constraint = (rules: ValidationMetadata[], name: string) =>
    rules.find((r) => r.name === name)?.constraints[0] as number | undefined;

  it('are found in every service', () => {
    for (const known of [
      'CreateProductDto',
      'SaleBatchDto',
      'SaleLineDto',
      'CustomerReturnDto',
      'TargetDto',
      'TargetParams',
      'PageQueryDto',
    ]) {
      expect([...classes.keys()]).toContain(known);
    }
  });

  it('bound every integer to what its column and a JavaScript number hold', () => {
    const unbounded = properties
      .filter(({ rules }) => rules.some((r) => r.name === 'isInt' || r.name === 'isNumber'))
      .filter(({ rules }) => {
        const [min, max] = [constraint(rules, 'min'), constraint(rules, 'max')];
        return min === undefined || max === undefined || max > MAX_SAFE_RUPIAH || min < -MAX_SAFE_RUPIAH;
      })
      .map(({ field }) => field);
    expect(unbounded).toEqual([]);
  });

  it('give every array a maximum length', () => {
    const unbounded = properties
      .filter(({ rules }) => rules.some((r) => r.name === 'isArray' || (r.type === 'nestedValidation' && r.each)))
      .filter(({ rules }) => constraint(rules, 'arrayMaxSize') === undefined)
      .map(({ field }) => field);
    expect(unbounded).toEqual([]);
  });
});
