import { localDate, notFound, newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { AgreementActivated, AgreementTerminated, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { DirectoryStore } from '@titipan/directory';
import { assertMayRead } from '@titipan/platform';
import { agreementScope } from '../shared/agreement-scope';
import { VenueStore } from '../venue/venue.store';
import type { AgreementPriceDto, AgreementQueryDto, CreateAgreementDto } from './agreement.dto';
import { AgreementStore } from './agreement.store';
import type { Agreement, AgreementPrice, AgreementStatus } from './domain/agreement';
import {
  activationRefusal,
  AGREEMENT_REFUSAL_KIND,
  creationRefusal,
  priceChangeRefusal,
  transitionRefusal,
} from './domain/agreement-rules';

/** Perjanjian konsinyasi: DRAFT → ACTIVE → TERMINATED, written by admins. */
@Injectable()
export class AgreementService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementStore,
    private readonly venues: VenueStore,
    private readonly directory: DirectoryStore,
  ) {}

  async create(input: CreateAgreementDto, actor: Actor): Promise<Agreement> {
    const refusal = creationRefusal({
      ...input,
      venueKnown: !!(await this.venues.find(input.venueCode)),
      uptKnown: !!(await this.directory.upt(input.uptCode)),
    });
    if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
    // a new agreement's prices take effect with it unless they say otherwise
    const prices = (input.prices ?? []).map((p) => ({ ...p, effectiveFrom: p.effectiveFrom ?? input.validFrom }));
    const priceRefusal = priceChangeRefusal({
      agreement: { status: 'DRAFT', validFrom: input.validFrom, validTo: input.validTo ?? null, priceHistory: [] },
      prices,
    });
    if (priceRefusal) refuse(priceRefusal, AGREEMENT_REFUSAL_KIND);
    const id = newId();
    await this.uow.run(async (tx) => {
      const terms = { maxDiscountBp: input.maxDiscountBp ?? 0, shrinkageLiability: input.shrinkageLiability ?? 'VENUE' };
      await this.agreements.insert(tx.manager, { id, ...input, ...terms }, actor.id);
      await this.agreements.addPrices(tx.manager, id, prices, actor.id);
      tx.audit({
        entity: 'agreement',
        id,
        action: 'consignment.agreement.created',
        after: { ...input, ...terms, prices, status: 'DRAFT' },
      });
    });
    return (await this.agreements.find(id))!;
  }

  activate(id: string): Promise<Agreement> {
    return this.change(id, 'DRAFT', (tx, a) => this.activateLocked(tx, a));
  }

  /** Activates a draft the caller has locked, in the caller's transaction (an exhibition activates its agreements so). */
  async activateLocked(tx: Tx, a: Agreement): Promise<void> {
    const id = a.id;
    const otherActive = !(await this.agreements.activate(tx.manager, id));
    const refusal = activationRefusal({ agreement: a, otherActive });
    if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
    tx.publish(AgreementActivated, {
      agreementId: id,
      uptCode: a.uptCode,
      venueCode: a.venueCode,
      commissionBp: a.commissionBp,
      maxDiscountBp: a.maxDiscountBp,
      shrinkageLiability: a.shrinkageLiability,
      validFrom: a.validFrom,
      validTo: a.validTo,
      timeZone: a.timeZone,
      ...(a.eventPeriod ? { eventPeriod: a.eventPeriod } : {}),
      ...(a.exhibitionId ? { exhibitionId: a.exhibitionId } : {}),
    });
    tx.audit({
      entity: 'agreement',
      id,
      action: 'consignment.agreement.activated',
      before: { status: a.status },
      after: { status: 'ACTIVE' },
    });
  }

  terminate(id: string, reason: string): Promise<Agreement> {
    return this.change(id, 'ACTIVE', async (tx, a) => {
      await this.agreements.terminate(tx.manager, id, reason);
      tx.publish(AgreementTerminated, { agreementId: id, reason });
      tx.audit({
        entity: 'agreement',
        id,
        action: 'consignment.agreement.terminated',
        before: { status: a.status },
        after: { status: 'TERMINATED', reason },
      });
    });
  }

  /**
   * New prices, each effective from its day (today in the venue's calendar by default, or the agreement's first
   * day when that is later): rows added to the history, none rewritten; the same request again changes nothing.
   */
  async setPrices(id: string, input: AgreementPriceDto[], actor: Actor): Promise<Agreement> {
    await this.uow.run(async (tx) => {
      const a = await this.agreements.lock(tx.manager, id);
      if (!a) throw notFound('agreement', id);
      const today = localDate(new Date(), a.timeZone);
      const from = today > a.validFrom ? today : a.validFrom;
      const prices: AgreementPrice[] = input.map((p) => ({ ...p, effectiveFrom: p.effectiveFrom ?? from }));
      const refusal = priceChangeRefusal({ agreement: a, prices });
      if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
      await this.agreements.addPrices(tx.manager, id, prices, actor.id);
      // prices are history now: the entry names the rows added and the prices in effect before them
      const named = new Set(prices.map((p) => p.productId));
      tx.audit({
        entity: 'agreement',
        id,
        action: 'consignment.agreement.prices-set',
        before: { prices: a.prices.filter((p) => named.has(p.productId)) },
        after: { prices },
      });
    });
    return (await this.agreements.find(id))!;
  }

  async get(id: string, actor: Actor): Promise<Agreement> {
    const a = await this.agreements.find(id);
    if (!a) throw notFound('agreement', id);
    assertMayRead(actor, a);
    return a;
  }

  async list(query: AgreementQueryDto, actor: Actor): Promise<Page<Agreement>> {
    const filter = {
      ...(await agreementScope(actor, query, (a) => this.agreements.find(a))),
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    };
    const { items, total } = await this.agreements.list(filter);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async change(id: string, from: AgreementStatus, effect: (tx: Tx, a: Agreement) => Promise<void>): Promise<Agreement> {
    await this.uow.run(async (tx) => {
      const a = await this.agreements.lock(tx.manager, id);
      if (!a) throw notFound('agreement', id);
      const refusal = transitionRefusal({ agreement: a, from });
      if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
      await effect(tx, a);
    });
    return (await this.agreements.find(id))!;
  }
}
