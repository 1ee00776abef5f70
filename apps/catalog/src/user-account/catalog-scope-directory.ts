import type { ScopeDirectory, ScopeKind } from '@titipan/identity';
import type { OrganisationStore } from '../organisation/organisation.store';

/**
 * Whether a scope code exists, asked of its owner: a UPT or Kanwil of catalog's own tables (no HTTP to itself),
 * a venue of consignment (`venues`, over HTTP with the user-administration service account's token).
 */
export class CatalogScopeDirectory implements ScopeDirectory {
  constructor(
    private readonly organisation: Pick<OrganisationStore, 'findUpt' | 'findKanwil'>,
    private readonly venues: ScopeDirectory,
  ) {}

  async exists(kind: ScopeKind, code: string): Promise<boolean> {
    switch (kind) {
      case 'upt':
        return (await this.organisation.findUpt(code)) !== undefined;
      case 'kanwil':
        return (await this.organisation.findKanwil(code)) !== undefined;
      case 'venue':
        return this.venues.exists('venue', code);
    }
  }
}
