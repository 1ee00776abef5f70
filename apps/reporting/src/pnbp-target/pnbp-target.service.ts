import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DirectoryStore } from '@titipan/directory';
import { localDate, notFound, refuse } from '@titipan/kernel';
import { assertMayRead, UnitOfWork } from '@titipan/platform';
import { dayWithinYear, defaultEffectiveFrom, targetOn, type PnbpTargetRevision } from './domain/pnbp-target';
import { TARGET_REFUSAL_KIND, targetRefusal } from './domain/pnbp-target-rules';
import { PnbpTargetStore } from './pnbp-target.store';

/** The ministry's targets are read in WIB, like every national date. */
const WIB = 'Asia/Jakarta';

/** Each UPT's yearly PNBP target, revised by the ministry as effective-dated history. */
@Injectable()
export class PnbpTargetService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly targets: PnbpTargetStore,
    private readonly directory: DirectoryStore,
  ) {}

  /** Adds a revision to a UPT's target for a year; `created` when the year had none. The same request again changes nothing. */
  async set(uptCode: string, year: number, input: { amount: number; effectiveFrom?: string; legalReference?: string }, actor: Actor) {
    const created = await this.uow.run(async (tx) => {
      await this.targets.lock(tx.manager, uptCode, year);
      const history = await this.targets.history(uptCode, year, tx.manager);
      const effectiveFrom = input.effectiveFrom ?? defaultEffectiveFrom(history, year, localDate(new Date(), WIB));
      const refusal = targetRefusal({ year, amount: input.amount, effectiveFrom, history });
      if (refusal) refuse(refusal, TARGET_REFUSAL_KIND);
      const legalReference = input.legalReference ?? null;
      const added = await this.targets.add(tx.manager, {
        uptCode,
        year,
        amount: input.amount,
        effectiveFrom,
        legalReference,
        by: actor.id,
      });
      if (added) {
        const before = targetOn(history, effectiveFrom);
        tx.audit({
          entity: 'pnbp-target',
          id: `${uptCode}/${year}`,
          action: 'reporting.pnbp-target.set',
          before: before
            ? { amount: before.amount, effectiveFrom: before.effectiveFrom, legalReference: before.legalReference }
            : undefined,
          after: { amount: input.amount, effectiveFrom, legalReference },
          scopeKey: uptCode,
        });
      }
      return history.length === 0;
    });
    return { created, target: this.view(uptCode, year, await this.targets.history(uptCode, year)) };
  }

  /** A UPT's target for a year with its history: the UPT itself, its Kanwil and national roles read it. */
  async get(uptCode: string, year: number, actor: Actor) {
    const upt = await this.directory.upt(uptCode);
    assertMayRead(actor, { uptCode, venueCode: '', venueKanwilCode: upt?.kanwilCode ?? '' });
    const history = await this.targets.history(uptCode, year);
    if (history.length === 0) throw notFound('pnbp target', `${uptCode}/${year}`);
    return this.view(uptCode, year, history);
  }

  private view(uptCode: string, year: number, history: PnbpTargetRevision[]) {
    const current = targetOn(history, dayWithinYear(localDate(new Date(), WIB), year));
    return {
      uptCode,
      year,
      amount: current?.amount ?? null,
      effectiveFrom: current?.effectiveFrom ?? null,
      history: history.map(({ amount, effectiveFrom, legalReference, setAt, setBy }) => ({
        amount,
        effectiveFrom,
        legalReference,
        setAt,
        setBy,
      })),
    };
  }
}
