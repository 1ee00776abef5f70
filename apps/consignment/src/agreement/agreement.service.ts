import { notFound, newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { AgreementActivated, AgreementTerminated, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { DirectoryStore } from '@titipan/directory';
import { assertMayRead } from '@titipan/platform';
import { agreementScope } from '../shared/agreement-scope';
import { VenueStore } from '../venue/venue.store';
import type { AgreementQueryDto, CreateAgreementDto } from './agreement.dto';
import { AgreementStore } from './agreement.store';
import type { Agreement, AgreementStatus } from './domain/agreement';
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
    const id = newId();
    await this.uow.run(async (tx) => {
      await this.agreements.insert(tx.manager, { id, ...input }, actor.id);
      await this.agreements.setPrices(tx.manager, id, input.prices ?? []);
      tx.audit({ entity: 'agreement', id, action: 'consignment.agreement.created', after: { ...input, status: 'DRAFT' } });
    });
    return (await this.agreements.find(id))!;
  }

  activate(id: string): Promise<Agreement> {
    return this.change(id, 'DRAFT', async (tx, a) => {
      const otherActive = !(await this.agreements.activate(tx.manager, id));
      const refusal = activationRefusal({ agreement: a, otherActive });
      if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
      tx.publish(AgreementActivated, {
        agreementId: id,
        uptCode: a.uptCode,
        venueCode: a.venueCode,
        commissionBp: a.commissionBp,
        validFrom: a.validFrom,
        validTo: a.validTo,
        timeZone: a.timeZone,
      });
      tx.audit({
        entity: 'agreement',
        id,
        action: 'consignment.agreement.activated',
        before: { status: a.status },
        after: { status: 'ACTIVE' },
      });
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

  async setPrices(id: string, prices: { productId: string; price: number }[]): Promise<Agreement> {
    await this.uow.run(async (tx) => {
      const a = await this.agreements.lock(tx.manager, id);
      if (!a) throw notFound('agreement', id);
      const refusal = priceChangeRefusal(a);
      if (refusal) refuse(refusal, AGREEMENT_REFUSAL_KIND);
      await this.agreements.setPrices(tx.manager, id, prices);
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
    const filter = { ...agreementScope(actor, query), status: query.status, limit: query.limit, offset: query.offset };
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
