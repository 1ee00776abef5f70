import { SCORE_NAMES, type CurationScores, type ScoreName, type Verdict } from '../product/product-fields';

/**
 * The curator's decision form: the four scores (1 to 5), approve or reject, and the reason the UPT will read
 * (required to reject); and what the compliance rules' verdicts mean for an approval. The catalog applies the
 * same rules (ReviewDto, assertApprovable); checked here first so the curator hears before sending. Plain TS.
 */
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;
export const MAX_NOTES = 2000;
export const MAX_REASON = 1000;

export type Decision = 'APPROVE' | 'REJECT';

export interface ReviewForm {
  decision: Decision | '';
  scores: Partial<Record<ScoreName, number>>;
  notes: string;
}

export type ReviewProblem = 'DECISION_REQUIRED' | 'SCORES_MISSING' | 'REASON_REQUIRED' | 'REASON_TOO_LONG' | 'FAILS_COMPLIANCE';

export interface ReviewBody {
  decision: Decision;
  scores: CurationScores;
  notes?: string;
}

export const emptyReview = (): ReviewForm => ({ decision: '', scores: {}, notes: '' });

export const missingScores = (form: ReviewForm): ScoreName[] =>
  SCORE_NAMES.filter((name) => !SCORE_VALUES.includes(form.scores[name] as (typeof SCORE_VALUES)[number]));

/** Severities of a failed verdict that only inform; any other failed verdict stops an approval. */
const ADVISORY_SEVERITIES = ['warning', 'info'];

/** The compliance rules the product fails today that stop an approval (the catalog would refuse it with the first). */
export const failedVerdicts = (verdicts: readonly Verdict[]): Verdict[] =>
  verdicts.filter((v) => !v.passed && !ADVISORY_SEVERITIES.includes(v.severity.toLowerCase()));

/** Why the decision cannot be sent yet, in the order the form reads. */
export function reviewProblems(form: ReviewForm, verdicts: readonly Verdict[]): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (!form.decision) problems.push('DECISION_REQUIRED');
  if (missingScores(form).length > 0) problems.push('SCORES_MISSING');
  const notes = form.notes.trim();
  if (form.decision === 'REJECT' && !notes) problems.push('REASON_REQUIRED');
  if (notes.length > MAX_NOTES) problems.push('REASON_TOO_LONG');
  if (form.decision === 'APPROVE' && failedVerdicts(verdicts).length > 0) problems.push('FAILS_COMPLIANCE');
  return problems;
}

/** The body of POST /products/:id/reviews (the form holds no problems). */
export function reviewBody(form: ReviewForm): ReviewBody {
  const scores = Object.fromEntries(SCORE_NAMES.map((name) => [name, form.scores[name]!])) as unknown as CurationScores;
  const notes = form.notes.trim();
  return { decision: form.decision as Decision, scores, ...(notes ? { notes } : {}) };
}

/** A suspension needs a reason (the catalog's ReasonDto: 1 to 1000 characters). */
export function suspendProblem(reason: string): 'REASON_REQUIRED' | 'REASON_TOO_LONG' | undefined {
  const text = reason.trim();
  if (!text) return 'REASON_REQUIRED';
  if (text.length > MAX_REASON) return 'REASON_TOO_LONG';
  return undefined;
}

/** The average of a review's four scores, one decimal: how the queue compares reviews at a glance. */
export function averageScore(scores: CurationScores): number {
  return Math.round((SCORE_NAMES.reduce((sum, name) => sum + scores[name], 0) / SCORE_NAMES.length) * 10) / 10;
}
