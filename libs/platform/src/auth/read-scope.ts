import { DomainError } from '@titipan/kernel';
import type { Actor } from '@titipan/contracts';

/** What an actor may read: its venue, its UPT, its Kanwil's venues (and UPTs), or all. */
export interface ReadScope {
  venueCode?: string;
  uptCode?: string;
  kanwilCode?: string;
}

export function readScope(actor: Actor): ReadScope {
  switch (actor.role) {
    case 'venue':
      return { venueCode: actor.scope! };
    case 'upt':
      return { uptCode: actor.scope! };
    case 'kanwil':
    case 'curator':
      return { kanwilCode: actor.scope! };
    default:
      return {};
  }
}

/** Merges a caller's filter with its scope; a filter outside the scope is refused rather than ignored. */
export function scopedFilter<F extends ReadScope>(actor: Actor, filter: F): F {
  const scope = readScope(actor);
  for (const key of Object.keys(scope) as (keyof ReadScope)[]) {
    if (filter[key] !== undefined && filter[key] !== scope[key]) {
      throw new DomainError(
        'forbidden',
        'OUT_OF_SCOPE',
        `${actor.role} of ${actor.scope} may not read ${key.replace('Code', '')} ${filter[key]}`,
        {
          role: actor.role,
          scope: actor.scope,
        },
      );
    }
  }
  return { ...filter, ...scope };
}

/** Refuses reading a document of an agreement outside the actor's scope. */
export function assertMayRead(actor: Actor, owner: { venueCode: string; uptCode: string; venueKanwilCode: string }): void {
  const scope = readScope(actor);
  const ok =
    (scope.venueCode === undefined || scope.venueCode === owner.venueCode) &&
    (scope.uptCode === undefined || scope.uptCode === owner.uptCode) &&
    (scope.kanwilCode === undefined || scope.kanwilCode === owner.venueKanwilCode);
  if (!ok) {
    throw new DomainError(
      'forbidden',
      'OUT_OF_SCOPE',
      `${actor.role} of ${actor.scope} may not see documents of ${owner.uptCode} at ${owner.venueCode}`,
      {
        role: actor.role,
        scope: actor.scope,
      },
    );
  }
}
