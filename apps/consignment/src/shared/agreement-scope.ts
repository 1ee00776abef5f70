import type { Actor } from '@titipan/contracts';
import { DomainError } from '@titipan/kernel';
import { assertMayRead, readScope, scopedFilter, type ReadScope } from '@titipan/platform';
import type { AgreementScopedQueryDto } from './agreement-scope.dto';

/** Which agreements' documents a list reads: the caller's scope narrowed by its own `upt`, `venue` and `agreement`. */
export interface AgreementScope extends ReadScope {
  agreementId?: string;
}

/** Finds an agreement's parties (AgreementStore.find does). */
export type AgreementParties = (id: string) => Promise<{ venueCode: string; uptCode: string; venueKanwilCode: string } | undefined>;

/**
 * The caller's filters within its scope; a filter outside the scope is refused (403 OUT_OF_SCOPE), not narrowed.
 * That holds for `agreement` too: a scoped caller naming an agreement that is not one of its own, another
 * party's or one that does not exist alike, is refused rather than answered with an empty page.
 */
export async function agreementScope(actor: Actor, query: AgreementScopedQueryDto, partiesOf: AgreementParties): Promise<AgreementScope> {
  const scope = scopedFilter(actor, { uptCode: query.upt, venueCode: query.venue, agreementId: query.agreement });
  if (query.agreement !== undefined && Object.keys(readScope(actor)).length > 0) {
    const parties = await partiesOf(query.agreement);
    if (!parties) {
      throw new DomainError('forbidden', 'OUT_OF_SCOPE', `${actor.role} of ${actor.scope} may not read agreement ${query.agreement}`, {
        role: actor.role,
        scope: actor.scope,
      });
    }
    assertMayRead(actor, parties);
  }
  return scope;
}
