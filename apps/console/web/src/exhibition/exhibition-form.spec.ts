import { emptyExhibition, exhibitionPhase, exhibitionProblems, exhibitionRequest, type ExhibitionForm } from './exhibition-form';

const filled = (change: Partial<ExhibitionForm> = {}): ExhibitionForm => ({
  ...emptyExhibition('KW-BANTEN'),
  code: 'pipas-btn-26',
  name: ' PIPAS Banten 2026 ',
  series: 'PIPAS Banten',
  edition: '2026',
  location: 'Alun-alun Kota Serang',
  first: '2026-12-07',
  last: '2026-12-09',
  returnWindowDays: '3',
  commission: '12,5',
  maxDiscount: '5',
  uptCodes: ['LP-TGR-1', 'LP-SRG'],
  ...change,
});

const fields = (form: ExhibitionForm) => exhibitionProblems(form).map((p) => [p.field, p.problem]);

describe('the exhibition form', () => {
  it('finds nothing wrong with a whole form, and asks for every field of an empty one', () => {
    expect(fields(filled())).toEqual([]);
    expect(fields(emptyExhibition())).toEqual([
      ['code', 'required'],
      ['name', 'required'],
      ['series', 'required'],
      ['edition', 'required'],
      ['location', 'required'],
      ['kanwilCode', 'choose'],
      ['first', 'day'],
      ['last', 'day'],
      ['uptCodes', 'chooseUpts'],
    ]);
  });

  it('refuses a last day before the first, a window beyond 90 days, and percentages past their bounds', () => {
    expect(fields(filled({ last: '2026-12-06' }))).toEqual([['last', 'reversed']]);
    expect(fields(filled({ returnWindowDays: '91' }))).toEqual([['returnWindowDays', 'windowDays']]);
    expect(fields(filled({ returnWindowDays: '2,5' }))).toEqual([['returnWindowDays', 'windowDays']]);
    expect(fields(filled({ commission: '101' }))).toEqual([['commission', 'percentMax']]);
    expect(fields(filled({ maxDiscount: 'lima' }))).toEqual([['maxDiscount', 'percent']]);
  });

  it('sends what consignment takes: basis points, a code in capitals, the UPTs in order; the Kanwil only from the ministry', () => {
    const body = exhibitionRequest(filled(), 'kanwil');
    expect(body).toEqual({
      code: 'PIPAS-BTN-26',
      name: 'PIPAS Banten 2026',
      series: 'PIPAS Banten',
      edition: '2026',
      location: 'Alun-alun Kota Serang',
      timeZone: 'Asia/Jakarta',
      first: '2026-12-07',
      last: '2026-12-09',
      returnWindowDays: 3,
      commissionBp: 1_250,
      maxDiscountBp: 500,
      uptCodes: ['LP-SRG', 'LP-TGR-1'],
    });
    expect(exhibitionRequest(filled(), 'ministry')).toMatchObject({ kanwilCode: 'KW-BANTEN' });
  });
});

describe('where an exhibition stands', () => {
  const pipas = { first: '2026-12-07', last: '2026-12-09', returnWindowDays: 3 };
  it('is upcoming, running on its days, in its return window after, then over', () => {
    expect(exhibitionPhase(pipas, '2026-12-06')).toBe('upcoming');
    expect(exhibitionPhase(pipas, '2026-12-07')).toBe('running');
    expect(exhibitionPhase(pipas, '2026-12-09')).toBe('running');
    expect(exhibitionPhase(pipas, '2026-12-10')).toBe('returns');
    expect(exhibitionPhase(pipas, '2026-12-12')).toBe('returns');
    expect(exhibitionPhase(pipas, '2026-12-13')).toBe('over');
  });
});
