import { notFound, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { assertMayRead } from '@titipan/platform';
import type { Actor } from '@titipan/contracts';
import { UptReturnService } from '../upt-return/upt-return.service';
import type { UptReturn } from '../upt-return/domain/upt-return';
import { CONFIRM_REFUSAL_KIND, confirmRefusal, type ProposedReturn } from './domain/proposed-return';
import { ProposedReturnStore } from './proposed-return.store';

/**
 * Returns the system proposed (one per UPT at an exhibition's end, one per near-expiry lot). Confirming one ships
 * it as the upt-return feature ships any return, in one transaction with the proposal marked confirmed; the
 * return takes the proposal's id, so a confirmation retried after it went through answers the same return.
 */
@Injectable()
export class ProposedReturnService {
  constructor(
    private readonly proposals: ProposedReturnStore,
    private readonly returns: UptReturnService,
  ) {}

  async get(id: string, actor: Actor): Promise<ProposedReturn> {
    const proposal = await this.proposals.find(id);
    if (!proposal) throw notFound('proposed return', id);
    assertMayRead(actor, proposal);
    return proposal;
  }

  async confirm(id: string, actor: Actor): Promise<{ proposal: ProposedReturn; return: UptReturn }> {
    const found = await this.proposals.find(id);
    if (!found) throw notFound('proposed return', id);
    if (found.status === 'CONFIRMED' && found.confirmedBy === actor.id) {
      // the same person's retry: the return it made
      return { proposal: found, return: await this.returns.get(id) };
    }
    const shipped = await this.returns.shipAuthorised(
      { agreementId: found.agreementId, reason: found.reason, lines: found.lines },
      actor,
      async (agreement, tx) => {
        const proposal = (await this.proposals.lock(tx.manager, id))!;
        const refusal = confirmRefusal({ actor, proposal, agreement });
        if (refusal) refuse(refusal, CONFIRM_REFUSAL_KIND);
        await this.proposals.markConfirmed(tx.manager, id, new Date(), actor.id);
        tx.audit({
          entity: 'proposed-return',
          id,
          action: 'consignment.proposed-return.confirmed',
          before: { status: 'PROPOSED' },
          after: { status: 'CONFIRMED', returnId: id },
        });
      },
      id,
    );
    return { proposal: (await this.proposals.find(id))!, return: shipped };
  }
}
