import { DomainError } from './domain-error';
import { allRefusals, firstRefusal, refuse, type Refusal, type Rule } from './rules';

type Code = 'TOO_SMALL' | 'ODD' | 'TOO_BIG';

const applied: string[] = [];
const atLeastTen: Rule<number, Code> = (n) => {
  applied.push('atLeastTen');
  return n < 10 ? { code: 'TOO_SMALL', message: `${n} is below 10`, details: { n, min: 10 } } : undefined;
};
const even: Rule<number, Code> = (n) => {
  applied.push('even');
  return n % 2 === 1 ? { code: 'ODD', message: `${n} is odd` } : undefined;
};
const atMostHundred: Rule<number, Code> = (n) => {
  applied.push('atMostHundred');
  return n > 100 ? { code: 'TOO_BIG', message: `${n} is above 100`, details: { n, max: 100 } } : undefined;
};
const RULES = [atLeastTen, even, atMostHundred];

beforeEach(() => (applied.length = 0));

describe('firstRefusal', () => {
  it('applies every rule in order and returns nothing when all hold', () => {
    expect(firstRefusal(RULES, 42)).toBeUndefined();
    expect(applied).toEqual(['atLeastTen', 'even', 'atMostHundred']);
  });

  it('returns the first refusal and applies no rule after it', () => {
    expect(firstRefusal(RULES, 7)).toEqual({ code: 'TOO_SMALL', message: '7 is below 10', details: { n: 7, min: 10 } });
    expect(applied).toEqual(['atLeastTen']);
    applied.length = 0;
    expect(firstRefusal(RULES, 101)?.code).toBe('ODD');
    expect(applied).toEqual(['atLeastTen', 'even']);
  });
});

describe('allRefusals', () => {
  it('keeps every refusal in the order of the rules', () => {
    expect(allRefusals(RULES, 7).map((r) => r.code)).toEqual(['TOO_SMALL', 'ODD']);
    expect(allRefusals(RULES, 101).map((r) => r.code)).toEqual(['ODD', 'TOO_BIG']);
    expect(allRefusals(RULES, 42)).toEqual([]);
  });
});

describe('refuse', () => {
  const KIND = { TOO_SMALL: 'rule', ODD: 'validation', TOO_BIG: 'conflict' } as const;
  const errorOf = (refusal: Refusal<Code>): DomainError => {
    try {
      refuse(refusal, KIND);
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('expected refuse to throw');
  };

  it('throws a DomainError with the kind its code maps to, the code, the message and the details', () => {
    const error = errorOf({ code: 'TOO_BIG', message: '101 is above 100', details: { n: 101, max: 100 } });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'conflict', code: 'TOO_BIG', message: '101 is above 100', details: { n: 101, max: 100 } });
    expect(errorOf({ code: 'TOO_SMALL', message: '7 is below 10' }).kind).toBe('rule');
  });

  it('gives a refusal without figures empty details', () => {
    expect(errorOf({ code: 'ODD', message: '7 is odd' })).toMatchObject({ kind: 'validation', code: 'ODD', details: {} });
  });
});
