import { emptyKanwil, emptyUpt, kanwilProblems, kanwilRequest, uptProblems, uptRequest } from './organisation-form';
import { emptyVenue, venueProblems, venueRequest } from './venue-form';

describe('the Kanwil, UPT and venue forms', () => {
  it('asks for a code and a name, the code as catalog writes codes', () => {
    expect(kanwilProblems(emptyKanwil()).map((p) => `${p.field}:${p.problem}`)).toEqual(['code:required', 'name:required']);
    expect(kanwilProblems({ code: 'kw banten', name: 'x' })).toEqual([{ field: 'code', problem: 'code' }]);
    expect(kanwilProblems({ code: 'kw-ntt', name: 'Kanwil NTT' })).toEqual([]);
    expect(kanwilRequest({ code: ' kw-ntt ', name: ' Kanwil NTT ' })).toEqual({ code: 'KW-NTT', name: 'Kanwil NTT' });
  });

  it('asks a UPT for its Kanwil and a six-digit satker code', () => {
    const upt = { ...emptyUpt(), code: 'LP-KPG', name: 'Lapas Kupang' };
    expect(uptProblems(upt).map((p) => `${p.field}:${p.problem}`)).toEqual(['kanwilCode:choose', 'satkerCode:satker']);
    const ready = { ...upt, kanwilCode: 'KW-NTT', satkerCode: '654321' };
    expect(uptProblems(ready)).toEqual([]);
    expect(uptProblems({ ...ready, satkerCode: '12345' })).toEqual([{ field: 'satkerCode', problem: 'satker' }]);
    expect(uptProblems({ ...ready, type: 'PENJARA' })).toEqual([{ field: 'type', problem: 'choose' }]);
    expect(uptRequest(ready)).toEqual({
      code: 'LP-KPG',
      name: 'Lapas Kupang',
      type: 'LAPAS',
      class: 'IIA',
      kanwilCode: 'KW-NTT',
      satkerCode: '654321',
    });
  });

  it('refuses a name longer than the services take', () => {
    expect(kanwilProblems({ code: 'KW-X', name: 'x'.repeat(201) })).toEqual([{ field: 'name', problem: 'tooLong', values: { max: 200 } }]);
  });

  it('gives a venue its Kanwil and time zone (WIB by default)', () => {
    const venue = { ...emptyVenue(), code: 'imi-kpg', name: 'Gerai Imigrasi Kupang', partnerAgency: 'Kantor Imigrasi Kupang' };
    expect(venueProblems(venue)).toEqual([{ field: 'kanwilCode', problem: 'choose' }]);
    expect(venueProblems({ ...venue, kanwilCode: 'KW-NTT', timeZone: 'Asia/Tokyo' })).toEqual([{ field: 'timeZone', problem: 'choose' }]);
    expect(venueRequest({ ...venue, kanwilCode: 'KW-NTT', timeZone: 'Asia/Makassar' })).toEqual({
      code: 'IMI-KPG',
      name: 'Gerai Imigrasi Kupang',
      partnerAgency: 'Kantor Imigrasi Kupang',
      type: 'immigration-lounge',
      kanwilCode: 'KW-NTT',
      timeZone: 'Asia/Makassar',
      collectiveOutlet: false,
    });
  });
});
