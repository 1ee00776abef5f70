import type { ControlTotals } from './statement';
import { issueRefusals, type IssueCandidate } from './issue-rules';

const totals: ControlTotals = {
  movements: [{ kind: 'SOLD', count: 2, quantity: -3, amount: -45_000 }],
  receipts: 1,
  shortQuantity: 0,
  saleLines: 2,
};
const issuable: IssueCandidate = { period: '2026-11', uptCode: 'LPP-TGR', computed: totals, announced: totals, splitPolicyId: 'policy' };

describe('statement issue rules', () => {
  it('issue when the agreement is known, the control totals match and a split policy covers the month', () => {
    expect(issueRefusals(issuable)).toEqual([]);
  });

  it('AGREEMENT_UNKNOWN: the agreement has not arrived (and nothing else can be checked)', () => {
    expect(issueRefusals({ period: '2026-11', announced: totals, splitPolicyId: null })).toEqual([
      expect.objectContaining({ code: 'AGREEMENT_UNKNOWN', details: { problems: ['the agreement is not known yet'] } }),
    ]);
  });

  it('CONTROL_TOTALS_DIFFER: names each figure where the events and the close differ', () => {
    expect(issueRefusals({ ...issuable, computed: { ...totals, receipts: 0, saleLines: 1 } })).toEqual([
      expect.objectContaining({
        code: 'CONTROL_TOTALS_DIFFER',
        details: { problems: ['receipts: events give 0, the close says 1', 'saleLines: events give 1, the close says 2'] },
      }),
    ]);
  });

  it('NO_SPLIT_POLICY: no policy covers the UPT in the month', () => {
    expect(issueRefusals({ ...issuable, splitPolicyId: null })).toEqual([
      expect.objectContaining({
        code: 'NO_SPLIT_POLICY',
        details: { problems: ['no split policy covers LPP-TGR in 2026-11; the ministry sets a national default'] },
      }),
    ]);
  });

  it('lists every refusal in rule order, so a pending statement shows all that is missing', () => {
    const refusals = issueRefusals({ ...issuable, computed: { ...totals, receipts: 0 }, splitPolicyId: null });
    expect(refusals.map((r) => r.code)).toEqual(['CONTROL_TOTALS_DIFFER', 'NO_SPLIT_POLICY']);
  });
});
