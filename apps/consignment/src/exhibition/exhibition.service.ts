import { DomainError, newId, notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { ExhibitionCreated, systemActor, VenueRegistered, type Actor } from '@titipan/contracts';
import { DirectoryStore } from '@titipan/directory';
import { readScope, UnitOfWork, type Page, type PageQueryDto } from '@titipan/platform';
import { AgreementService } from '../agreement/agreement.service';
import { AgreementStore } from '../agreement/agreement.store';
import type { Agreement } from '../agreement/domain/agreement';
import { PeriodCloseService } from '../period-close/period-close.service';
import { linesOnHand, type ProposedReturn } from '../proposed-return/domain/proposed-return';
import { ProposedReturnStore } from '../proposed-return/proposed-return.store';
import { VenueStore } from '../venue/venue.store';
import {
  agreementValidTo,
  autoCloseAt,
  EXHIBITION_REFUSAL_KIND,
  exhibitionRefusal,
  hasEnded,
  organiserOf,
  periodOfExhibition,
  sameRequest,
  type Exhibition,
} from './domain/exhibition';
import type { CreateExhibitionDto, ExhibitionQueryDto } from './exhibition.dto';
import { ExhibitionStore } from './exhibition.store';

export type ExhibitionAgreement = Agreement & { unitsOnHand: { sellable: number; quarantine: number } };
export type ExhibitionDetail = Exhibition & { period: string; autoCloseAt: string; agreements: ExhibitionAgreement[] };

/** The request as compared on a retry (`sameRequest`): the body with its defaults filled in. */
function normalised(input: CreateExhibitionDto) {
  const { code, name, series, edition, location, kanwilCode, partnerAgency, timeZone, first, last, returnWindowDays, commissionBp } = input;
  return {
    code,
    name,
    series,
    edition,
    location,
    kanwilCode: kanwilCode ?? null,
    partnerAgency: partnerAgency ?? null,
    timeZone,
    first,
    last,
    returnWindowDays,
    commissionBp,
    maxDiscountBp: input.maxDiscountBp ?? 0,
    shrinkageLiability: input.shrinkageLiability ?? 'VENUE',
    uptCodes: input.uptCodes,
  };
}

/**
 * Exhibitions (decision 0029): set up in one transaction (the venue, one active agreement per UPT settling the
 * event period, the events through the outbox), closed automatically at the end of the return window, and their
 * unsold goods proposed back to each UPT.
 */
@Injectable()
export class ExhibitionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly exhibitions: ExhibitionStore,
    private readonly venues: VenueStore,
    private readonly agreementStore: AgreementStore,
    private readonly agreementService: AgreementService,
    private readonly directory: DirectoryStore,
    private readonly periodClose: PeriodCloseService,
    private readonly proposals: ProposedReturnStore,
  ) {}

  async create(input: CreateExhibitionDto, actor: Actor): Promise<ExhibitionDetail> {
    const request = normalised(input);
    const existing = await this.sameAsBefore(request);
    if (existing) return existing;
    const kanwilCode = input.kanwilCode ?? (actor.role === 'kanwil' ? actor.scope! : undefined);
    const upts = await Promise.all(input.uptCodes.map(async (c) => [c, (await this.directory.upt(c))?.kanwilCode] as const));
    const refusal = exhibitionRefusal({
      actor,
      kanwilCode,
      first: input.first,
      last: input.last,
      uptCodes: input.uptCodes,
      uptKanwils: new Map(upts.filter((u): u is readonly [string, string] => !!u[1])),
      venueTaken: !!(await this.venues.find(input.code)),
    });
    if (refusal) refuse(refusal, EXHIBITION_REFUSAL_KIND);

    const id = newId();
    const organiserCode = organiserOf(actor);
    const eventPeriod = { first: input.first, last: input.last, returnWindowDays: input.returnWindowDays };
    try {
      await this.uow.run(async (tx) => {
        const venue = {
          code: input.code,
          name: input.name,
          partnerAgency: input.partnerAgency ?? organiserCode,
          type: 'exhibition' as const,
          kanwilCode: kanwilCode!,
          timeZone: input.timeZone,
          collectiveOutlet: true,
        };
        if (!(await this.venues.insert(tx.manager, venue, actor.id))) {
          throw new DomainError('conflict', 'VENUE_EXISTS', `venue ${input.code} is already registered`, { code: input.code });
        }
        tx.publish(VenueRegistered, venue);
        const exhibition = { id, ...request, organiserCode, uptCodes: input.uptCodes };
        await this.exhibitions.insert(tx.manager, exhibition, request, actor.id);
        const agreementIds: string[] = [];
        for (const uptCode of input.uptCodes) {
          const agreementId = newId();
          agreementIds.push(agreementId);
          await this.agreementStore.insert(
            tx.manager,
            {
              id: agreementId,
              uptCode,
              venueCode: input.code,
              commissionBp: request.commissionBp,
              maxDiscountBp: request.maxDiscountBp,
              shrinkageLiability: request.shrinkageLiability,
              validFrom: input.first,
              validTo: agreementValidTo(eventPeriod),
              eventPeriod,
              exhibitionId: id,
            },
            actor.id,
          );
          await this.agreementService.activateLocked(tx, (await this.agreementStore.lock(tx.manager, agreementId))!);
        }
        tx.publish(ExhibitionCreated, {
          exhibitionId: id,
          venueCode: input.code,
          name: input.name,
          series: input.series,
          edition: input.edition,
          organiserCode,
          location: input.location,
          timeZone: input.timeZone,
          first: input.first,
          last: input.last,
          returnWindowDays: input.returnWindowDays,
          uptCodes: input.uptCodes,
          agreementIds,
        });
        tx.audit({
          entity: 'exhibition',
          id,
          action: 'consignment.exhibition.created',
          after: { ...request, organiserCode, agreementIds },
        });
      });
    } catch (error) {
      // a concurrent request with the same code won the race: the same body gets its exhibition
      const won = error instanceof DomainError && error.code === 'VENUE_EXISTS' ? await this.sameAsBefore(request) : undefined;
      if (won) return won;
      throw error;
    }
    return this.detail((await this.exhibitions.find(id))!);
  }

  /** The exhibition already set up under the code with the same request (a retry), or 409 when the request differs. */
  private async sameAsBefore(request: ReturnType<typeof normalised>): Promise<ExhibitionDetail | undefined> {
    const existing = await this.exhibitions.findByCode(request.code);
    if (!existing) return undefined;
    if (!sameRequest(existing.request, request)) {
      throw new DomainError('conflict', 'EXHIBITION_EXISTS', `exhibition ${request.code} was set up with another request`, {
        exhibitionId: existing.id,
      });
    }
    const { request: _request, ...exhibition } = existing;
    return this.detail(exhibition);
  }

  async get(id: string, actor: Actor): Promise<ExhibitionDetail> {
    return this.detail(await this.readable(id, actor));
  }

  async list(query: ExhibitionQueryDto, actor: Actor): Promise<Page<Exhibition>> {
    const scope = readScope(actor);
    if (scope.venueCode) {
      const own = await this.exhibitions.findByCode(scope.venueCode);
      const items = own ? [(({ request: _r, ...e }) => e)(own)] : [];
      return { items, total: items.length, limit: query.limit, offset: query.offset };
    }
    const { items, total } = await this.exhibitions.list({
      kanwilCode: scope.kanwilCode ?? query.kanwil,
      series: query.series,
      uptCode: scope.uptCode,
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * At the end of the exhibition, one return per UPT from its stock on hand, stored (asking again answers the same
   * proposals; a UPT with nothing on hand gets none), answered a page at a time. The exhibition's staff confirm each (POST /proposed-returns/:id/confirm).
   */
  async proposedReturns(id: string, page: PageQueryDto, actor: Actor, now = new Date()): Promise<Page<ProposedReturn>> {
    const exhibition = await this.readable(id, actor);
    if (!hasEnded(exhibition, now)) {
      throw new DomainError('rule', 'EXHIBITION_NOT_ENDED', `${exhibition.name} runs until ${exhibition.last} (${exhibition.timeZone})`, {
        last: exhibition.last,
        timeZone: exhibition.timeZone,
      });
    }
    for (const agreementId of await this.exhibitions.agreementIds(id)) {
      await this.uow.run(async (tx) => {
        await this.agreementStore.lockExisting(tx.manager, agreementId);
        const lines = linesOnHand(await this.exhibitions.lotsOnHand(tx.manager, agreementId));
        if (lines.length === 0) return;
        await this.proposals.propose(tx.manager, {
          id: newId(),
          agreementId,
          cause: 'EXHIBITION_END',
          causeKey: id,
          reason: 'unsold',
          lines,
        });
      });
    }
    // a UPT reads its own proposal; the organiser, the venue and national roles every UPT's
    const { items, total } = await this.proposals.byCause('EXHIBITION_END', id, {
      uptCode: readScope(actor).uptCode,
      limit: page.limit,
      offset: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** Closes, as the system, every event period whose return window has ended and that nobody closed. */
  async closeDue(now = new Date()): Promise<{ closed: { agreementId: string; period: string }[] }> {
    const closed: { agreementId: string; period: string }[] = [];
    for (const a of await this.exhibitions.openEventAgreements(now)) {
      if (now.getTime() < autoCloseAt(a).getTime()) continue;
      const period = periodOfExhibition(a);
      try {
        await this.periodClose.close(a.agreementId, period, systemActor('consignment'), now);
        closed.push({ agreementId: a.agreementId, period });
      } catch (error) {
        // closed by someone meanwhile: nothing left to do
        if (!(error instanceof DomainError && error.code === 'PERIOD_ALREADY_CLOSED')) throw error;
      }
    }
    return { closed };
  }

  private async readable(id: string, actor: Actor): Promise<Exhibition> {
    const exhibition = await this.exhibitions.find(id);
    if (!exhibition) throw notFound('exhibition', id);
    const scope = readScope(actor);
    const ok =
      (scope.venueCode === undefined || scope.venueCode === exhibition.code) &&
      (scope.uptCode === undefined || exhibition.uptCodes.includes(scope.uptCode)) &&
      (scope.kanwilCode === undefined || scope.kanwilCode === exhibition.kanwilCode);
    if (!ok) throw new DomainError('forbidden', 'OUT_OF_SCOPE', `exhibition ${id} is outside your scope`, { id });
    return exhibition;
  }

  private async detail(exhibition: Exhibition): Promise<ExhibitionDetail> {
    const { items } = await this.agreementStore.list({ venueCode: exhibition.code, limit: 1000, offset: 0 });
    const onHand = await this.exhibitions.unitsOnHand(items.map((a) => a.id));
    return {
      ...exhibition,
      period: periodOfExhibition(exhibition),
      autoCloseAt: autoCloseAt(exhibition).toISOString(),
      agreements: items.map((a) => ({ ...a, unitsOnHand: onHand.get(a.id) ?? { sellable: 0, quarantine: 0 } })),
    };
  }
}
