import { averageScore, emptyReview, failedVerdicts, missingScores, reviewBody, reviewProblems, suspendProblem } from './review-form';

const scores = { quality: 4, packaging: 3, compliance: 5, marketPotential: 4 };
const halalMissing = {
  rule: 'halal-from-2026-10-17',
  passed: false,
  severity: 'blocking',
  message: 'food and beverage … need a halal certificate',
};
const pirtOk = { rule: 'pirt-valid-5-years', passed: true, severity: 'blocking', message: 'ok' };

describe("the curator's decision", () => {
  it('needs a decision and all four scores from 1 to 5', () => {
    expect(reviewProblems(emptyReview(), [])).toEqual(['DECISION_REQUIRED', 'SCORES_MISSING']);
    expect(missingScores({ decision: 'APPROVE', scores: { quality: 4, packaging: 0, compliance: 6 }, notes: '' })).toEqual([
      'packaging',
      'compliance',
      'marketPotential',
    ]);
    expect(reviewProblems({ decision: 'APPROVE', scores, notes: '' }, [pirtOk])).toEqual([]);
  });

  it('rejects only with a reason the UPT will read, at most 2000 characters', () => {
    expect(reviewProblems({ decision: 'REJECT', scores, notes: '  ' }, [])).toEqual(['REASON_REQUIRED']);
    expect(reviewProblems({ decision: 'REJECT', scores, notes: 'x'.repeat(2001) }, [])).toEqual(['REASON_TOO_LONG']);
    expect(reviewProblems({ decision: 'REJECT', scores, notes: 'Sertifikat halal belum ada' }, [halalMissing])).toEqual([]);
  });

  it('does not approve what a compliance rule fails today; an advisory verdict does not stop it', () => {
    expect(reviewProblems({ decision: 'APPROVE', scores, notes: '' }, [halalMissing, pirtOk])).toEqual(['FAILS_COMPLIANCE']);
    expect(failedVerdicts([halalMissing, pirtOk, { ...halalMissing, rule: 'note', severity: 'WARNING' }])).toEqual([halalMissing]);
  });

  it('sends the scores, the decision and the trimmed notes (none when empty)', () => {
    expect(reviewBody({ decision: 'REJECT', scores, notes: ' Kemasan bocor \n' })).toEqual({
      decision: 'REJECT',
      scores,
      notes: 'Kemasan bocor',
    });
    expect(reviewBody({ decision: 'APPROVE', scores: { ...scores }, notes: '' })).toEqual({ decision: 'APPROVE', scores });
  });

  it('suspends with a reason only', () => {
    expect(suspendProblem('')).toBe('REASON_REQUIRED');
    expect(suspendProblem('x'.repeat(1001))).toBe('REASON_TOO_LONG');
    expect(suspendProblem('Izin edar dicabut')).toBeUndefined();
  });

  it('averages the four scores to one decimal', () => {
    expect(averageScore(scores)).toBe(4);
    expect(averageScore({ quality: 5, packaging: 4, compliance: 4, marketPotential: 4 })).toBe(4.3);
  });
});
