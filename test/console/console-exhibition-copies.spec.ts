import { COMPARED_FIGURES } from '../../apps/console/web/src/exhibition/exhibition-report';
import en from '../../apps/console/web/src/locales/en.json';
import id from '../../apps/console/web/src/locales/id.json';
import { compareEditions, exhibitionTotals } from '../../apps/reporting/src/report/domain/exhibition-report';

/** The exhibition report's page copies the figures reporting compares between editions: they must stay the same. */
describe("the exhibition report's copies of reporting's comparison", () => {
  it('compares the figures reporting compares, each named in Bahasa Indonesia and English', () => {
    const totals = exhibitionTotals([]);
    const compared = compareEditions(totals, { exhibitionId: 'e', name: 'PIPAS', edition: '2025', totals });
    expect(COMPARED_FIGURES).toEqual(Object.keys(compared.change));
    expect(COMPARED_FIGURES).toEqual(Object.keys(compared.changeRate));
    for (const locale of [id, en])
      for (const figure of [...COMPARED_FIGURES, 'upts'] as const)
        expect(locale.exhibition.report.total[figure]).toEqual(expect.any(String));
  });
});
