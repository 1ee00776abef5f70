import { splitPolicyRefusal } from './split-policy-rules';

const share = (name: string, basisPoints: number) => ({ name, basisPoints, legalReference: 'ref' });
const valid = [share('PNBP', 1_500), share('PREMI', 5_000), share('CAPITAL', 3_500)];

describe('split policy rules', () => {
  it('accept shares that name PNBP once each and make 10,000 basis points', () => {
    expect(splitPolicyRefusal(valid)).toBeUndefined();
    expect(splitPolicyRefusal([share('PNBP', 10_000)])).toBeUndefined();
  });

  it('SHARE_REPEATED: a share named twice', () => {
    expect(splitPolicyRefusal([share('PNBP', 5_000), share('PNBP', 5_000)])).toEqual({
      code: 'SHARE_REPEATED',
      message: 'each share may appear once',
      details: { field: 'shares' },
    });
  });

  it('PNBP_SHARE_REQUIRED: no PNBP share', () => {
    expect(splitPolicyRefusal([share('PREMI', 5_000), share('CAPITAL', 5_000)])).toEqual({
      code: 'PNBP_SHARE_REQUIRED',
      message: 'a split must name the PNBP share',
      details: { field: 'shares' },
    });
  });

  it('SHARES_NOT_WHOLE: the shares do not sum to 10,000, with the sum', () => {
    expect(splitPolicyRefusal([share('PNBP', 1_500), share('PREMI', 5_000)])).toEqual({
      code: 'SHARES_NOT_WHOLE',
      message: 'shares sum to 6500 basis points, not 10,000',
      details: { field: 'shares', sum: 6_500 },
    });
  });

  it('refuse with the first rule in order when several fail', () => {
    expect(splitPolicyRefusal([share('PREMI', 1), share('PREMI', 1)])?.code).toBe('SHARE_REPEATED');
    expect(splitPolicyRefusal([share('PREMI', 1)])?.code).toBe('PNBP_SHARE_REQUIRED');
  });
});
