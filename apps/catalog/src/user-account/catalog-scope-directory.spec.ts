import type { ScopeDirectory, ScopeKind } from '@titipan/identity';
import { CatalogScopeDirectory } from './catalog-scope-directory';

describe('CatalogScopeDirectory', () => {
  const asked: string[] = [];
  const organisation = {
    findUpt: async (code: string) => (asked.push(`upt ${code}`), code === 'LP-TGR-1' ? ({ code } as never) : undefined),
    findKanwil: async (code: string) => (asked.push(`kanwil ${code}`), code === 'KW-BANTEN' ? ({ code } as never) : undefined),
  };
  const venues: ScopeDirectory = {
    exists: async (kind: ScopeKind, code: string) => (asked.push(`consignment ${kind} ${code}`), code === 'IMI-TGR-LOUNGE'),
  };
  const directory = new CatalogScopeDirectory(organisation, venues);

  beforeEach(() => asked.splice(0));

  it("answers a UPT and a Kanwil from catalog's own tables, a venue from consignment", async () => {
    expect(await directory.exists('upt', 'LP-TGR-1')).toBe(true);
    expect(await directory.exists('upt', 'LP-NOWHERE')).toBe(false);
    expect(await directory.exists('kanwil', 'KW-BANTEN')).toBe(true);
    expect(await directory.exists('kanwil', 'KW-NOWHERE')).toBe(false);
    expect(await directory.exists('venue', 'IMI-TGR-LOUNGE')).toBe(true);
    expect(await directory.exists('venue', 'IMI-NOWHERE')).toBe(false);
    expect(asked).toEqual([
      'upt LP-TGR-1',
      'upt LP-NOWHERE',
      'kanwil KW-BANTEN',
      'kanwil KW-NOWHERE',
      'consignment venue IMI-TGR-LOUNGE',
      'consignment venue IMI-NOWHERE',
    ]);
  });
});
