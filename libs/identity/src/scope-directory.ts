import type { ScopeKind } from './claims';

/** Tells whether an organisation code exists, asked of the service that owns it. */
export interface ScopeDirectory {
  exists(kind: ScopeKind, code: string): Promise<boolean>;
}

export interface ServiceUrls {
  catalog: string;
  consignment: string;
}

/** The owner of a code could not be asked (down, or answered something else than found / not found). */
export class ScopeOwnerUnavailableError extends Error {
  override name = 'ScopeOwnerUnavailableError';
}

const PAGE = 200;

/**
 * Asks the owners over their HTTP APIs: a UPT (`GET /upts/:code`) and a Kanwil (`GET /kanwils`, paged) of
 * catalog, a venue (`GET /venues/:code`) of consignment. `authorization` gives the bearer header for each call, for the service it goes to.
 */
export class HttpScopeDirectory implements ScopeDirectory {
  constructor(
    private readonly urls: ServiceUrls,
    private readonly authorization: (service: 'catalog' | 'consignment') => string | Promise<string>,
  ) {}

  async exists(kind: ScopeKind, code: string): Promise<boolean> {
    switch (kind) {
      case 'upt':
        return this.found('catalog', `${this.urls.catalog}/upts/${encodeURIComponent(code)}`);
      case 'venue':
        return this.found('consignment', `${this.urls.consignment}/venues/${encodeURIComponent(code)}`);
      case 'kanwil':
        return this.kanwilExists(code);
    }
  }

  private async kanwilExists(code: string): Promise<boolean> {
    for (let offset = 0; ; offset += PAGE) {
      const page = (await this.get('catalog', `${this.urls.catalog}/kanwils?limit=${PAGE}&offset=${offset}`)) as {
        items: { code: string }[];
        total: number;
      };
      if (page.items.some((kanwil) => kanwil.code === code)) return true;
      if (offset + PAGE >= page.total) return false;
    }
  }

  private async found(service: 'catalog' | 'consignment', url: string): Promise<boolean> {
    return (await this.get(service, url, [404])) !== undefined;
  }

  /** The JSON of a 200, undefined for a status in `absent`, an error for anything else. */
  private async get(service: 'catalog' | 'consignment', url: string, absent: number[] = []): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: await this.authorization(service) }, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new ScopeOwnerUnavailableError(`cannot check the scope code: ${url} is not reachable (${(error as Error).message})`);
    }
    if (absent.includes(response.status)) return undefined;
    if (response.status !== 200) {
      throw new ScopeOwnerUnavailableError(`cannot check the scope code: GET ${url} answered ${response.status} ${await response.text()}`);
    }
    return response.json();
  }
}
