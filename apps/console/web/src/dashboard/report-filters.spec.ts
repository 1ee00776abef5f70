import {
  addMonths,
  defaultFilters,
  openAt,
  fixedKanwil,
  hasDashboard,
  monthsBetween,
  reportUrl,
  withRegion,
  xlsxUrl,
} from './report-filters';

const ministry = { role: 'ministry', scope: null };
const banten = { role: 'kanwil', scope: 'KW-BANTEN' };
// 30 Nov 2026 20:00 UTC is 1 Dec 2026 03:00 WIB
const now = new Date('2026-11-30T20:00:00Z');

describe('report filters', () => {
  it('opens on the last month that has ended in WIB, the twelve months up to it and this year', () => {
    expect(defaultFilters(ministry, now)).toEqual({
      period: '2026-11',
      from: '2025-12',
      to: '2026-11',
      year: 2026,
      days: 30,
      kanwil: undefined,
    });
    expect(defaultFilters(ministry, new Date('2026-11-30T10:00:00Z')).period).toBe('2026-10');
  });

  it("fixes a Kanwil person's region to its own, and gives the dashboard to the Kanwil and the ministry only", () => {
    expect(fixedKanwil(banten)).toBe('KW-BANTEN');
    expect(fixedKanwil(ministry)).toBeUndefined();
    expect(defaultFilters(banten, now).kanwil).toBe('KW-BANTEN');
    expect([ministry, banten, { role: 'upt', scope: 'LP-TGR-1' }, { role: 'admin', scope: null }].map(hasDashboard)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('clears the UPT when the Kanwil changes, and keeps a Kanwil person in its region', () => {
    const f = { ...defaultFilters(ministry, now), kanwil: 'KW-BANTEN', upt: 'LP-TGR-1' };
    expect(withRegion(f, ministry, { kanwil: 'KW-DKI', upt: 'LP-TGR-1' })).toMatchObject({ kanwil: 'KW-DKI', upt: undefined });
    expect(withRegion(f, ministry, { kanwil: 'KW-BANTEN', upt: 'LP-SRG' })).toMatchObject({ kanwil: 'KW-BANTEN', upt: 'LP-SRG' });
    expect(withRegion(f, ministry, { kanwil: '' })).toMatchObject({ kanwil: undefined, upt: undefined });
    const k = defaultFilters(banten, now);
    expect(withRegion(k, banten, { kanwil: 'KW-DKI' })).toMatchObject({ kanwil: 'KW-BANTEN', upt: undefined });
  });

  it("builds each view's address with its own filters and the narrowest region", () => {
    const f = { ...defaultFilters(ministry, now), kanwil: 'KW-BANTEN' };
    expect(reportUrl('rollup', f, { by: 'upt' })).toBe('/api/reporting/reports/rollup?period=2026-11&kanwil=KW-BANTEN&by=upt');
    expect(reportUrl('sales-monthly', { ...f, upt: 'LP-TGR-1' })).toBe(
      '/api/reporting/reports/sales-monthly?from=2025-12&to=2026-11&upt=LP-TGR-1',
    );
    expect(reportUrl('pnbp-progress', f)).toBe('/api/reporting/reports/pnbp-progress?year=2026&kanwil=KW-BANTEN');
    expect(reportUrl('outstanding', { ...f, kanwil: undefined })).toBe('/api/reporting/reports/outstanding?');
    expect(reportUrl('near-expiry', f)).toBe('/api/reporting/reports/near-expiry?days=30&kanwil=KW-BANTEN');
    expect(xlsxUrl(reportUrl('movers', f))).toBe('/api/reporting/reports/movers?period=2026-11&kanwil=KW-BANTEN&format=xlsx');
  });

  it('opens on the month a link names, and ignores one that is not a month', () => {
    const f = defaultFilters(ministry, now);
    expect(openAt(f, '?bulan=2026-06')).toMatchObject({ period: '2026-06', from: '2025-07', to: '2026-06' });
    expect(openAt(f, '?bulan=2026-13')).toBe(f);
    expect(openAt(f, '')).toBe(f);
  });

  it('counts months across a year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });
});
