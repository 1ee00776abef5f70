import type { Actor } from '@titipan/contracts';
import { scopedFilter, type ReadScope } from '@titipan/platform';
import type { AgreementScopedQueryDto } from './agreement-scope.dto';

/** Which agreements' documents a list reads: the caller's scope narrowed by its own `upt`, `venue` and `agreement`. */
export interface AgreementScope extends ReadScope {
  agreementId?: string;
}

/** The caller's filters within its scope; a filter outside the scope is refused (403 OUT_OF_SCOPE), not narrowed. */
export function agreementScope(actor: Actor, query: AgreementScopedQueryDto): AgreementScope {
  return scopedFilter(actor, { uptCode: query.upt, venueCode: query.venue, agreementId: query.agreement });
}
