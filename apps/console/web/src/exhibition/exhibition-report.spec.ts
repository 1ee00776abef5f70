import {
  changeRateText,
  changeText,
  comparisonRows,
  eventDays,
  exhibitionReportUrl,
  moneyOrDash,
  productLabel,
  sellThroughText,
  statementKey,
  type ExhibitionTotals,
} from './exhibition-report';

const totals = (t: Partial<ExhibitionTotals> = {}): ExhibitionTotals => ({
  upts: 3,
  sold: 33,
  netSales: 1_020_000,
  proceeds: 918_000,
  pnbp: 137_700,
  ...t,
});

describe('the exhibition report as the console reads it', () => {
  it('asks reporting for the exhibition by its id', () => {
    expect(exhibitionReportUrl('4f0c-1')).toBe('/api/reporting/reports/exhibitions/4f0c-1');
    expect(exhibitionReportUrl('a/b')).toBe('/api/reporting/reports/exhibitions/a%2Fb');
  });

  it('reads sell-through as a percentage with one decimal, and money not yet known as a dash', () => {
    expect(sellThroughText(0.3)).toBe('30,0%');
    expect(sellThroughText(0.6667)).toBe('66,7%');
    expect(sellThroughText(0)).toBe('0,0%');
    expect(moneyOrDash(135_000)).toBe('Rp 135.000');
    expect(moneyOrDash(0)).toBe('Rp 0');
    expect(moneyOrDash(null)).toBe('–');
    expect(moneyOrDash(undefined)).toBe('–');
  });

  it('writes a change with its sign, units as numbers and money in rupiah', () => {
    expect(changeText('sold', 33)).toBe('+33');
    expect(changeText('sold', -1_200)).toBe('−1.200');
    expect(changeText('netSales', 1_020_000)).toBe('+Rp 1.020.000');
    expect(changeText('pnbp', -5_000)).toBe('−Rp 5.000');
    expect(changeText('proceeds', 0)).toBe('Rp 0');
    expect(changeRateText(0.125)).toBe('+12,5%');
    expect(changeRateText(-0.5)).toBe('−50,0%');
    expect(changeRateText(0)).toBe('0,0%');
    expect(changeRateText(null)).toBeUndefined();
  });

  it('compares each figure with the previous edition, a percentage only where the previous figure was not zero', () => {
    const rows = comparisonRows({
      totals: totals(),
      previous: {
        exhibitionId: 'prev',
        name: 'PIPAS Banten 2025',
        edition: '2025',
        totals: totals({ upts: 2, sold: 0, netSales: 800_000, proceeds: 720_000, pnbp: 108_000 }),
        change: { sold: 33, netSales: 220_000, proceeds: 198_000, pnbp: 29_700 },
        changeRate: { sold: null, netSales: 0.275, proceeds: 0.275, pnbp: 0.275 },
      },
    });
    expect(rows).toEqual([
      { figure: 'sold', previous: '0', current: '33', change: '+33' },
      { figure: 'netSales', previous: 'Rp 800.000', current: 'Rp 1.020.000', change: '+Rp 220.000', rate: '+27,5%' },
      { figure: 'proceeds', previous: 'Rp 720.000', current: 'Rp 918.000', change: '+Rp 198.000', rate: '+27,5%' },
      { figure: 'pnbp', previous: 'Rp 108.000', current: 'Rp 137.700', change: '+Rp 29.700', rate: '+27,5%' },
    ]);
  });

  it('has no comparison for the first edition of a series', () => {
    expect(comparisonRows({ totals: totals(), previous: null })).toBeUndefined();
  });

  it('counts the days of an exhibition, first and last included, across a month', () => {
    expect(eventDays('2026-12-07', '2026-12-09')).toBe(3);
    expect(eventDays('2026-12-07', '2026-12-07')).toBe(1);
    expect(eventDays('2026-11-30', '2026-12-01')).toBe(2);
  });

  it("words a UPT's statement by its status, or says it is not issued yet", () => {
    expect(statementKey('ISSUED')).toBe('statementStatus.ISSUED');
    expect(statementKey(null)).toBe('exhibition.report.notIssued');
    expect(statementKey(undefined)).toBe('exhibition.report.notIssued');
  });

  it('names a product by its name and SKU, or its SKU alone while reporting has no name', () => {
    expect(productLabel({ sku: 'KRP-TEMPE-100', name: 'Keripik tempe' })).toBe('Keripik tempe (KRP-TEMPE-100)');
    expect(productLabel({ sku: '0b7e-id', name: '' })).toBe('0b7e-id');
  });
});
