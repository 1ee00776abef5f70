import { Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  AgreementActivated,
  ExhibitionCreated,
  LotNearExpiry,
  PersonChanged,
  ProductApproved,
  ProductRejected,
  ProductSubmitted,
  ReceiptConfirmed,
  StatementDeposited,
  StatementIssued,
  StatementPaid,
  VenueRegistered,
  type AgreementActivatedV1,
  type EventEnvelope,
  type ExhibitionCreatedV1,
  type LotNearExpiryV1,
  type PersonChangedV1,
  type ProductApprovedV1,
  type ProductRejectedV1,
  type ProductSubmittedV1,
  type ReceiptConfirmedV1,
  type StatementDepositedV1,
  type StatementIssuedV1,
  type StatementPaidV1,
  type VenueRegisteredV1,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext } from '@titipan/platform';
import { decideNotices, type Cause } from './domain/notice-rules';
import { NoticeStore } from './notice.store';
import { ReplicaStore } from './replica.store';

/**
 * One consumer group over the three services' streams: each event updates the replicas and, when it is a cause,
 * goes through the notice rules in the same transaction as the inbox row that makes its redelivery a no-op.
 */
@EventGroup({ name: 'notices', streams: ['catalog', 'consignment', 'reporting'] })
export class NoticeListener {
  private readonly logger = new Logger(NoticeListener.name);

  constructor(
    private readonly replicas: ReplicaStore,
    private readonly notices: NoticeStore,
  ) {}

  @EventPattern(PersonChanged)
  async person(@Payload() event: EventEnvelope<PersonChangedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.upsertPerson(tx.manager, event.data, event.time);
  }

  @EventPattern(ProductSubmitted)
  async submitted(@Payload() event: EventEnvelope<ProductSubmittedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.productSubmitted(tx.manager, event.data, event.time);
  }

  @EventPattern(ProductApproved)
  async approved(@Payload() { data, time }: EventEnvelope<ProductApprovedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.productDecided(tx.manager, data, time);
    await this.decide(tx.manager, {
      type: 'product-approved',
      productId: data.productId,
      reviewId: data.reviewId,
      uptCode: data.uptCode,
      name: data.name,
    });
  }

  @EventPattern(ProductRejected)
  async rejected(@Payload() { data, time }: EventEnvelope<ProductRejectedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    const name = await this.replicas.productDecided(tx.manager, data, time);
    await this.decide(tx.manager, { type: 'product-refused', ...data, name });
  }

  @EventPattern(VenueRegistered)
  async venue(@Payload() event: EventEnvelope<VenueRegisteredV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.upsertVenue(tx.manager, event.data);
  }

  @EventPattern(AgreementActivated)
  async agreement(@Payload() event: EventEnvelope<AgreementActivatedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.upsertAgreement(tx.manager, event.data);
  }

  @EventPattern(ReceiptConfirmed)
  async receipt(@Payload() { data }: EventEnvelope<ReceiptConfirmedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    const parties = await this.parties(tx.manager, data.agreementId, 'receipt');
    if (!parties) return;
    const damaged = data.lines.reduce((n, l) => n + l.damaged, 0);
    const short = data.lines.reduce((n, l) => n + l.short, 0);
    await this.decide(tx.manager, {
      type: 'receipt-confirmed',
      dispatchId: data.dispatchId,
      agreementId: data.agreementId,
      ...parties,
      damaged,
      short,
    });
  }

  @EventPattern(LotNearExpiry)
  async nearExpiry(@Payload() { data }: EventEnvelope<LotNearExpiryV1>, @Ctx() { tx }: EventContext): Promise<void> {
    const parties = await this.parties(tx.manager, data.agreementId, 'near-expiry');
    if (!parties) return;
    // the return consignment proposed with the warning, which the UPT confirms in one action
    await this.decide(tx.manager, { type: 'lot-near-expiry', ...data, ...parties, proposedReturnId: data.proposedReturnId ?? null });
  }

  /** Kept for the scan that tells its UPTs the day before its last day. */
  @EventPattern(ExhibitionCreated)
  async exhibition(@Payload() { data }: EventEnvelope<ExhibitionCreatedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.upsertExhibition(tx.manager, data);
  }

  @EventPattern(StatementIssued)
  async issued(@Payload() { data }: EventEnvelope<StatementIssuedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.statementIssued(tx.manager, data);
    const parties = await this.parties(tx.manager, data.agreementId, 'statement');
    if (!parties) return;
    await this.decide(tx.manager, {
      type: 'statement-issued',
      statementId: data.statementId,
      period: data.period,
      proceeds: data.proceeds,
      ...parties,
    });
  }

  @EventPattern(StatementPaid)
  async paid(@Payload() { data }: EventEnvelope<StatementPaidV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.statementPaid(tx.manager, data.statementId, data.paidOn);
  }

  @EventPattern(StatementDeposited)
  async deposited(@Payload() { data }: EventEnvelope<StatementDepositedV1>, @Ctx() { tx }: EventContext): Promise<void> {
    await this.replicas.statementDeposited(tx.manager, data.statementId, data.depositedOn);
  }

  private async parties(manager: EventContext['tx']['manager'], agreementId: string, what: string) {
    const parties = await this.replicas.parties(manager, agreementId);
    if (!parties) this.logger.warn({ agreementId }, `${what} of an agreement not (yet) known here: no notice`);
    return parties;
  }

  private async decide(manager: EventContext['tx']['manager'], cause: Cause): Promise<void> {
    await this.notices.deliver(manager, decideNotices(cause));
  }
}
