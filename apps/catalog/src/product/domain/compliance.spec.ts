import { addYears, jakartaDate } from './calendar';
import type { Certificate } from './certificates';
import { DomainError } from '@titipan/kernel';
import {
  approvalViolations,
  complianceVerdicts,
  assertApprovable,
  isConsignable,
  izinEdarViolations,
  type ApprovalRefusalCode,
  type ComplianceFacts,
} from './compliance';

const pirt = (issuedOn: string, number = 'P-IRT No. 2063671010123-29'): Certificate => ({ kind: 'PIRT', number, issuedOn });
const bpom = (number = 'MD 123456789012'): Certificate => ({ kind: 'BPOM_MD', number, issuedOn: '2025-01-10' });
const halal = (number = 'ID36110012345670126'): Certificate => ({ kind: 'HALAL', number, issuedOn: '2026-01-05' });
const food = (certificates: Certificate[], shelfLifeDays: number | null = 90): ComplianceFacts => ({
  category: 'food',
  shelfLifeDays,
  certificates,
});
const codes = (facts: ComplianceFacts, at: string) => approvalViolations(facts, new Date(at)).map((v) => v.code);
/** Noon in Jakarta on the given day. */
const wib = (day: string) => `${day}T12:00:00+07:00`;

describe('calendar', () => {
  it('reads dates in WIB: 23:30 WIB on 16 Oct is still 16 Oct, though UTC says the same, and 00:30 WIB on 17 Oct is 17 Oct', () => {
    expect(jakartaDate(new Date('2026-10-16T23:30:00+07:00'))).toBe('2026-10-16');
    expect(jakartaDate(new Date('2026-10-17T00:30:00+07:00'))).toBe('2026-10-17');
    expect(jakartaDate(new Date('2026-10-16T17:30:00Z'))).toBe('2026-10-17');
  });

  it('adds years to a date, mapping 29 February to 28 February', () => {
    expect(addYears('2021-11-25', 5)).toBe('2026-11-25');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('approval rules for food and beverage', () => {
  it('approves food with a valid P-IRT and a halal certificate', () => {
    expect(codes(food([pirt('2024-03-01'), halal()]), wib('2026-11-25'))).toEqual([]);
  });

  it('refuses food without any izin edar', () => {
    const [violation] = approvalViolations(food([halal()]), new Date(wib('2026-11-25')));
    expect(violation).toMatchObject({ code: 'IZIN_EDAR_REQUIRED', rule: 'food-beverage-izin-edar' });
  });

  it('applies to beverages too, and not to crafts', () => {
    expect(codes({ ...food([]), category: 'beverage' }, wib('2026-11-25'))).toEqual(['IZIN_EDAR_REQUIRED', 'HALAL_REQUIRED']);
    expect(codes({ category: 'craft', shelfLifeDays: null, certificates: [] }, wib('2026-11-25'))).toEqual([]);
  });

  it('accepts a P-IRT one day short of 5 years old and refuses it at exactly 5 years', () => {
    expect(codes(food([pirt('2021-11-26'), halal()]), wib('2026-11-25'))).toEqual([]);
    expect(codes(food([pirt('2021-11-25'), halal()]), wib('2026-11-25'))).toEqual(['PIRT_EXPIRED']);
    expect(codes(food([pirt('2020-01-01'), halal()]), wib('2026-11-25'))).toEqual(['PIRT_EXPIRED']);
  });

  it('refuses a P-IRT number with fewer than 15 digits', () => {
    expect(codes(food([pirt('2024-03-01', '20636710101232'), halal()]), wib('2026-11-25'))).toEqual(['PIRT_NUMBER_TOO_SHORT']);
    expect(codes(food([pirt('2024-03-01', '206367101012329'), halal()]), wib('2026-11-25'))).toEqual([]);
  });

  it('refuses P-IRT for a shelf life of 7 days or less, and accepts 8', () => {
    expect(codes(food([pirt('2024-03-01'), halal()], 7), wib('2026-11-25'))).toEqual(['PIRT_SHELF_LIFE_TOO_SHORT']);
    expect(codes(food([pirt('2024-03-01'), halal()], 8), wib('2026-11-25'))).toEqual([]);
  });

  it('accepts BPOM MD in place of P-IRT, whatever the shelf life', () => {
    expect(codes(food([bpom(), halal()], 3), wib('2026-11-25'))).toEqual([]);
    expect(codes(food([bpom('MD 12345'), halal()], 3), wib('2026-11-25'))).toEqual(['BPOM_NUMBER_INVALID']);
    // an expired P-IRT does not matter when a BPOM number covers the product
    expect(codes(food([pirt('2015-01-01'), bpom(), halal()]), wib('2026-11-25'))).toEqual([]);
  });

  it('does not require halal the day before 17 Oct 2026 (WIB), and does from that day', () => {
    expect(codes(food([pirt('2024-03-01')]), wib('2026-10-16'))).toEqual([]);
    expect(codes(food([pirt('2024-03-01')]), '2026-10-16T23:59:59+07:00')).toEqual([]);
    expect(codes(food([pirt('2024-03-01')]), '2026-10-17T00:00:00+07:00')).toEqual(['HALAL_REQUIRED']);
    expect(codes(food([pirt('2024-03-01')]), wib('2026-10-17'))).toEqual(['HALAL_REQUIRED']);
    expect(codes(food([pirt('2024-03-01'), halal('ID123')]), wib('2026-10-17'))).toEqual(['HALAL_NUMBER_INVALID']);
  });

  it('names every failed rule at once', () => {
    const violations = approvalViolations(food([pirt('2019-01-01', '123')], 5), new Date(wib('2026-11-25')));
    expect(violations.map((v) => v.rule)).toEqual([
      'pirt-number-format',
      'pirt-valid-5-years',
      'pirt-shelf-life-over-7-days',
      'halal-from-2026-10-17',
    ]);
  });
});

describe('each approval refusal code', () => {
  const day = wib('2026-11-25');
  const cases: { code: ApprovalRefusalCode; rule: string; refused: ComplianceFacts; passes: ComplianceFacts; message: string }[] = [
    {
      code: 'IZIN_EDAR_REQUIRED',
      rule: 'food-beverage-izin-edar',
      refused: food([halal()]),
      passes: food([pirt('2024-03-01'), halal()]),
      message: 'food and beverage need a P-IRT or BPOM MD number',
    },
    {
      code: 'BPOM_NUMBER_INVALID',
      rule: 'bpom-md-format',
      refused: food([bpom('MD 12345'), halal()]),
      passes: food([bpom(), halal()]),
      message: 'a BPOM number is "MD" followed by 12 digits',
    },
    {
      code: 'PIRT_NUMBER_TOO_SHORT',
      rule: 'pirt-number-format',
      refused: food([pirt('2024-03-01', '20636710101232'), halal()]),
      passes: food([pirt('2024-03-01', '206367101012329'), halal()]),
      message: 'P-IRT 20636710101232 has fewer than 15 digits',
    },
    {
      code: 'PIRT_EXPIRED',
      rule: 'pirt-valid-5-years',
      refused: food([pirt('2021-11-25'), halal()]),
      passes: food([pirt('2021-11-26'), halal()]),
      message: 'P-IRT P-IRT No. 2063671010123-29 issued 2021-11-25 expired on 2026-11-25',
    },
    {
      code: 'PIRT_SHELF_LIFE_TOO_SHORT',
      rule: 'pirt-shelf-life-over-7-days',
      refused: food([pirt('2024-03-01'), halal()], 7),
      passes: food([pirt('2024-03-01'), halal()], 8),
      message: 'P-IRT covers only shelf life over 7 days; this product keeps 7',
    },
    {
      code: 'HALAL_REQUIRED',
      rule: 'halal-from-2026-10-17',
      refused: food([pirt('2024-03-01')]),
      passes: food([pirt('2024-03-01'), halal()]),
      message: 'food and beverage approved from 2026-10-17 need a halal certificate',
    },
    {
      code: 'HALAL_NUMBER_INVALID',
      rule: 'halal-number-format',
      refused: food([pirt('2024-03-01'), halal('ID123')]),
      passes: food([pirt('2024-03-01'), halal()]),
      message: 'a halal certificate number is "ID" followed by 17 digits',
    },
  ];

  it('covers every code of ApprovalRefusalCode', () => {
    const all: Record<ApprovalRefusalCode, true> = {
      IZIN_EDAR_REQUIRED: true,
      BPOM_NUMBER_INVALID: true,
      PIRT_NUMBER_TOO_SHORT: true,
      PIRT_EXPIRED: true,
      PIRT_SHELF_LIFE_TOO_SHORT: true,
      HALAL_REQUIRED: true,
      HALAL_NUMBER_INVALID: true,
    };
    expect(cases.map((c) => c.code).sort()).toEqual(Object.keys(all).sort());
  });

  it.each(cases)('$code: refused by $rule with its figures', ({ code, rule, refused, message }) => {
    expect(approvalViolations(refused, new Date(day))).toEqual([{ code, rule, message }]);
  });

  it.each(cases)('$code: passes when the condition does not hold', ({ passes }) => {
    expect(approvalViolations(passes, new Date(day))).toEqual([]);
  });

  it('refuses an approval as a 422 with the first failed rule and every failed rule listed', () => {
    const facts = food([pirt('2019-01-01', '123')], 5);
    let error: unknown;
    try {
      assertApprovable(facts, new Date(day));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'rule',
      code: 'PIRT_NUMBER_TOO_SHORT',
      details: { rule: 'pirt-number-format', violations: approvalViolations(facts, new Date(day)) },
    });
    expect((error as DomainError).message).toBe(
      approvalViolations(facts, new Date(day))
        .map((v) => v.message)
        .join('; '),
    );
    expect(() => assertApprovable(food([pirt('2024-03-01'), halal()]), new Date(day))).not.toThrow();
  });
});

describe('expiry check', () => {
  it('finds an approved product whose only P-IRT has reached 5 years', () => {
    expect(izinEdarViolations(food([pirt('2021-11-25')]), '2026-11-24')).toEqual([]);
    expect(izinEdarViolations(food([pirt('2021-11-25')]), '2026-11-25').map((v) => v.code)).toEqual(['PIRT_EXPIRED']);
  });
});

describe('consignable', () => {
  it('is false for a shelf life of 1 day or less, true otherwise and for non-perishables', () => {
    expect(isConsignable(0)).toBe(false);
    expect(isConsignable(1)).toBe(false);
    expect(isConsignable(2)).toBe(true);
    expect(isConsignable(null)).toBe(true);
  });
});

describe('compliance verdicts', () => {
  const verdicts = (facts: ComplianceFacts, at: string) =>
    Object.fromEntries(complianceVerdicts(facts, new Date(at)).map((v) => [v.rule, v]));

  it('names every approval rule once, passed or not, in a fixed order', () => {
    expect(complianceVerdicts(food([pirt('2024-03-01'), halal()]), new Date(wib('2026-11-25'))).map((v) => v.rule)).toEqual([
      'food-beverage-izin-edar',
      'bpom-md-format',
      'pirt-number-format',
      'pirt-valid-5-years',
      'pirt-shelf-life-over-7-days',
      'halal-from-2026-10-17',
      'halal-number-format',
    ]);
  });

  it('passes every rule of an approvable product, and fails exactly the rules an approval refuses', () => {
    const good = food([pirt('2024-03-01'), halal()]);
    expect(Object.values(verdicts(good, wib('2026-11-25'))).every((v) => v.passed)).toBe(true);
    const noHalal = food([pirt('2021-11-25')]);
    const failed = complianceVerdicts(noHalal, new Date(wib('2026-11-25'))).filter((v) => !v.passed);
    expect(failed.map((v) => v.rule)).toEqual(['pirt-valid-5-years', 'halal-from-2026-10-17']);
    expect(failed.map((v) => v.rule).sort()).toEqual(
      approvalViolations(noHalal, new Date(wib('2026-11-25')))
        .map((v) => v.rule)
        .sort(),
    );
    expect(failed[0]).toEqual({
      rule: 'pirt-valid-5-years',
      passed: false,
      severity: 'blocking',
      message: 'P-IRT P-IRT No. 2063671010123-29 issued 2021-11-25 expired on 2026-11-25',
    });
  });

  it('reads the halal rule by the day in WIB: not yet on 16 Oct 2026, required on 17 Oct', () => {
    const noHalal = food([pirt('2024-03-01')]);
    expect(verdicts(noHalal, wib('2026-10-16'))['halal-from-2026-10-17']).toMatchObject({
      passed: true,
      message: 'does not apply before 2026-10-17',
    });
    expect(verdicts(noHalal, wib('2026-10-17'))['halal-from-2026-10-17']).toMatchObject({ passed: false });
  });

  it('says why a rule does not apply: crafts, no BPOM number, a BPOM number instead of a P-IRT', () => {
    const craft = verdicts({ category: 'craft', shelfLifeDays: null, certificates: [] }, wib('2026-11-25'));
    expect(craft['food-beverage-izin-edar']).toMatchObject({ passed: true, message: expect.stringContaining('does not apply to craft') });
    const withPirt = verdicts(food([pirt('2024-03-01'), halal()]), wib('2026-11-25'));
    expect(withPirt['bpom-md-format'].message).toBe('no BPOM MD number on record');
    const withBpom = verdicts(food([bpom(), halal()]), wib('2026-11-25'));
    expect(withBpom['pirt-valid-5-years'].message).toBe('the BPOM MD number is the izin edar');
  });
});
