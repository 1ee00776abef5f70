import {
  UPT_REGISTRATION_REFUSAL_KIND,
  uptRegistrationRefusal,
  type UptRegistration,
  type UptRegistrationRefusalCode,
} from './upt-registration-rules';

const upt = { code: 'LP-TGR-1', kanwilCode: 'KW-BANTEN', satkerCode: '412345' };
const free: UptRegistration = { upt, kanwilRegistered: true, clashes: [] };

describe('UPT registration rules', () => {
  it('registers a UPT of a known Kanwil whose code and satker code are free', () => {
    expect(uptRegistrationRefusal(free)).toBeUndefined();
  });

  const cases: Record<UptRegistrationRefusalCode, () => void> = {
    KANWIL_UNKNOWN: () => {
      expect(uptRegistrationRefusal({ ...free, kanwilRegistered: false })).toEqual({
        code: 'KANWIL_UNKNOWN',
        message: 'Kanwil KW-BANTEN is not registered',
        details: { field: 'kanwilCode' },
      });
    },
    UPT_EXISTS: () => {
      expect(uptRegistrationRefusal({ ...free, clashes: [{ code: 'LP-TGR-1', satkerCode: '499999' }] })).toEqual({
        code: 'UPT_EXISTS',
        message: 'UPT LP-TGR-1 is already registered',
        details: { code: 'LP-TGR-1' },
      });
    },
    SATKER_CODE_TAKEN: () => {
      expect(uptRegistrationRefusal({ ...free, clashes: [{ code: 'LP-OTHER', satkerCode: '412345' }] })).toEqual({
        code: 'SATKER_CODE_TAKEN',
        message: 'satker code 412345 belongs to another UPT',
        details: { field: 'satkerCode' },
      });
    },
  };

  it.each(Object.entries(cases))('%s: refused with its figures', (_code, check) => check());

  it('answers an unknown Kanwil as a broken rule (422) and a taken code as a conflict (409)', () => {
    expect(UPT_REGISTRATION_REFUSAL_KIND).toEqual({ KANWIL_UNKNOWN: 'rule', UPT_EXISTS: 'conflict', SATKER_CODE_TAKEN: 'conflict' });
  });

  it('applies the rules in order: an unknown Kanwil first, then the code, then the satker code', () => {
    const both = [
      { code: 'LP-OTHER', satkerCode: '412345' },
      { code: 'LP-TGR-1', satkerCode: '499999' },
    ];
    expect(uptRegistrationRefusal({ upt, kanwilRegistered: false, clashes: both })?.code).toBe('KANWIL_UNKNOWN');
    expect(uptRegistrationRefusal({ upt, kanwilRegistered: true, clashes: both })?.code).toBe('UPT_EXISTS');
  });
});
