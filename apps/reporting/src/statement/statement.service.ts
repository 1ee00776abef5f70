import { DomainError, notFound, newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { isoWithOffset, StatementDeposited, StatementIssued, StatementPaid, type Actor, type EventEnvelope } from '@titipan/contracts';
import { assertInScope, scopedFilter, UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { stringify } from 'safe-stable-stringify';
import { DataSource, type EntityManager } from 'typeorm';
import { SplitPolicyStore } from '../split-policy/split-policy.store';
import { assertReadsAgreement, type AgreementDim } from './domain/agreement';
import { issueRefusals } from './domain/issue-rules';
import { factsOf } from './domain/movement-facts';
import { lastDayOf, previousPeriod } from './domain/period';
import { depositRefusal, paymentRefusal, SETTLEMENT_REFUSAL_KIND, type SettlementRefusal } from './domain/settlement-rules';
import { computeStatement, type StatementFigures } from './domain/statement';
import type { Statement, StatementStatus } from './domain/statement-record';
import { SourceEventsStore } from './source-events.store';
import { statementDigest } from './statement-digest';
import { StatementStore } from './statement.store';

export interface LiveStatement {
  agreementId: string;
  period: string;
  status: 'DRAFT' | StatementStatus;
  figures: StatementFigures;
  sourceEventIds: string[];
  splitPolicyId: string | null;
}

/**
 * Settlement statements, one per agreement and month, computed only from the events reporting stored.
 * Issued when the period-close event arrives and the figures' own control totals match it; then paid by
 * the venue and the PNBP share deposited by the UPT, each step an event on reporting.events.
 */
@Injectable()
export class StatementService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly sources: SourceEventsStore,
    private readonly statements: StatementStore,
    private readonly policies: SplitPolicyStore,
  ) {}

  /**
   * Figures of an agreement-month as the stored events give them right now. The previous month's issued
   * statement gives the opening stock, so only this month's events are read; without one, all history is.
   */
  async compute(manager: EntityManager, agreement: AgreementDim, period: string): Promise<Omit<LiveStatement, 'status'>> {
    // an event period has no previous period: all of its agreement's history is in it, so opening is zero
    const previous = previousPeriod(period);
    const opening = previous === undefined ? undefined : await this.statements.closingOf(manager, agreement.agreementId, previous);
    const { events, inPeriod } = await this.sources.upTo(manager, agreement.agreementId, period, opening === undefined);
    const policy = await this.policies.effective(manager, agreement.uptCode, lastDayOf(period));
    const figures = computeStatement(events.map(factsOf), period, agreement, policy?.shares ?? null, opening);
    return { agreementId: agreement.agreementId, period, figures, sourceEventIds: inPeriod, splitPolicyId: policy?.id ?? null };
  }

  /**
   * Issues the statement of a closed period if its figures prove complete; otherwise records it as
   * pending with what does not match. Safe to call again: an issued statement never changes.
   */
  async tryIssue(tx: Tx, agreementId: string, period: string, cause?: EventEnvelope): Promise<void> {
    const existing = await this.statements.findFor(tx.manager, agreementId, period);
    if (existing && existing.status !== 'PENDING') return;
    const close = await this.sources.close(tx.manager, agreementId, period);
    if (!close) return;
    const id = existing?.id ?? newId();
    const agreement = await this.sources.agreement(tx.manager, agreementId);
    const live = agreement ? await this.compute(tx.manager, agreement, period) : undefined;
    const refusals = issueRefusals({
      period,
      uptCode: agreement?.uptCode,
      computed: live?.figures.controlTotals,
      announced: close.controlTotals,
      splitPolicyId: live?.splitPolicyId ?? null,
    });
    if (!live || refusals.length > 0) {
      await this.statements.save(tx.manager, {
        id,
        agreementId,
        period,
        status: 'PENDING',
        figures: live?.figures ?? null,
        mismatches: refusals.flatMap((r) => r.details.problems),
        sourceEventIds: live?.sourceEventIds ?? [],
        digest: null,
        issuedAt: null,
      });
      return;
    }
    const sourceEventIds = [...live.sourceEventIds, close.eventId].sort();
    const digest = statementDigest(agreementId, period, sourceEventIds, live.figures);
    const issuedAt = new Date();
    await this.statements.save(tx.manager, {
      id,
      agreementId,
      period,
      status: 'ISSUED',
      figures: live.figures,
      mismatches: [],
      sourceEventIds,
      digest,
      issuedAt,
    });
    tx.publish(
      StatementIssued,
      { statementId: id, agreementId, period, issuedAt: isoWithOffset(issuedAt), proceeds: live.figures.proceeds, digest },
      { causedBy: cause },
    );
  }

  /** Retries every pending statement (after a split policy is set, or late events). */
  async retryPending(tx: Tx): Promise<void> {
    for (const p of await this.statements.pending(tx.manager)) await this.tryIssue(tx, p.agreementId, p.period);
  }

  /** The statement of an agreement-month: the issued one, or live draft figures while none is issued. */
  async forPeriod(agreementId: string, period: string, actor: Actor): Promise<LiveStatement & { statement?: Statement }> {
    const manager = this.dataSource.manager;
    const agreement = await this.sources.agreement(manager, agreementId);
    if (!agreement) throw notFound('agreement', agreementId);
    assertReadsAgreement(actor, agreementId, agreement);
    const stored = await this.statements.findFor(manager, agreementId, period);
    if (stored && stored.status !== 'PENDING') {
      return {
        agreementId,
        period,
        status: stored.status,
        figures: stored.figures!,
        sourceEventIds: stored.sourceEventIds,
        splitPolicyId: null,
        statement: stored,
      };
    }
    const live = await this.compute(manager, agreement, period);
    return { ...live, status: stored ? 'PENDING' : 'DRAFT', statement: stored };
  }

  /** Recomputes an issued statement from the stored events and checks its digest. */
  async verify(id: string, actor: Actor) {
    const statement = await this.get(id, actor);
    if (!statement.digest)
      throw new DomainError('conflict', 'NOT_ISSUED', `statement ${id} is ${statement.status}; only issued statements carry a digest`, {
        current: statement.status,
      });
    const agreement = (await this.sources.agreement(this.dataSource.manager, statement.agreementId))!;
    const live = await this.compute(this.dataSource.manager, agreement, statement.period);
    // the split is part of the figures: recompute with the policy the statement was issued under
    const figures = { ...live.figures, split: statement.figures!.split };
    const recomputed = statementDigest(statement.agreementId, statement.period, statement.sourceEventIds, figures);
    const figuresMatch = stringify({ ...figures, split: null }) === stringify({ ...statement.figures, split: null });
    return {
      statementId: id,
      digest: statement.digest,
      recomputed,
      valid: recomputed === statement.digest && figuresMatch,
      sourceEvents: statement.sourceEventIds.length,
    };
  }

  /** The venue records its transfer of the proceeds; anything but the exact amount is refused. */
  async pay(id: string, input: { amount: number; paidOn: string; transferReference: string }, actor: Actor): Promise<Statement> {
    await this.uow.run(async (tx) => {
      const s = await this.lock(tx, id);
      assertInScope(actor, 'venue', s.venueCode);
      refuseSettlement(paymentRefusal(settlementTarget(s), input));
      await this.statements.markPaid(tx.manager, id, { ...input, by: actor.id });
      tx.publish(StatementPaid, { statementId: id, agreementId: s.agreementId, period: s.period, ...input });
      tx.audit({ entity: 'statement', id, action: 'reporting.statement.paid', before: { status: s.status }, after: { status: 'PAID' } });
    });
    return (await this.statements.find(id))!;
  }

  /**
   * The UPT records the PNBP deposit through SIMPONI (15-digit billing code and the NTPN on the receipt): the
   * amount deposited must be the statement's PNBP share, and an NTPN settles one deposit only.
   */
  async deposit(
    id: string,
    input: { amount: number; simponiBillingCode: string; ntpn: string; depositedOn: string },
    actor: Actor,
  ): Promise<Statement> {
    await this.uow.run(async (tx) => {
      const s = await this.lock(tx, id);
      assertInScope(actor, 'upt', s.uptCode);
      const ntpnUsed = await this.statements.ntpnUsed(tx.manager, input.ntpn);
      refuseSettlement(depositRefusal(settlementTarget(s), { ...input, ntpnUsed }));
      const { amount, ...deposit } = input;
      // the unique index decides between two deposits of one NTPN at the same moment
      if (!(await this.statements.markDeposited(tx.manager, id, { ...input, by: actor.id })))
        refuseSettlement(depositRefusal(settlementTarget(s), { ...input, ntpnUsed: true }));
      tx.publish(StatementDeposited, { statementId: id, agreementId: s.agreementId, period: s.period, pnbpAmount: amount, ...deposit });
      tx.audit({
        entity: 'statement',
        id,
        action: 'reporting.statement.deposited',
        before: { status: s.status },
        after: { status: 'DEPOSITED' },
      });
    });
    return (await this.statements.find(id))!;
  }

  async get(id: string, actor: Actor): Promise<Statement> {
    const s = await this.statements.find(id);
    if (!s) throw notFound('statement', id);
    assertReadsAgreement(actor, s.agreementId, s);
    return s;
  }

  async list(
    query: { agreement?: string; period?: string; status?: StatementStatus; upt?: string; venue?: string; limit: number; offset: number },
    actor: Actor,
  ): Promise<Page<Statement>> {
    if (query.agreement)
      assertReadsAgreement(actor, query.agreement, await this.sources.agreement(this.dataSource.manager, query.agreement));
    const filter = scopedFilter(actor, {
      agreementId: query.agreement,
      period: query.period,
      status: query.status,
      uptCode: query.upt,
      venueCode: query.venue,
      limit: query.limit,
      offset: query.offset,
    });
    const { items, total } = await this.statements.list(filter);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async lock(tx: Tx, id: string): Promise<Statement> {
    const s = await this.statements.lock(tx.manager, id);
    if (!s) throw notFound('statement', id);
    return s;
  }
}

const settlementTarget = (s: Statement) => ({
  id: s.id,
  status: s.status,
  proceeds: s.figures?.proceeds ?? 0,
  pnbp: s.figures?.split?.find((p) => p.name === 'PNBP')?.amount ?? 0,
});

function refuseSettlement(refusal: SettlementRefusal | undefined): void {
  if (refusal) refuse(refusal, SETTLEMENT_REFUSAL_KIND);
}
