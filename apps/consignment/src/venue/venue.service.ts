import { DomainError, notFound } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import { VenueRegistered, type Actor } from '@titipan/contracts';
import { UnitOfWork, type Page } from '@titipan/platform';
import type { RegisterVenueDto } from './venue.dto';
import type { Venue } from './domain/venue';
import { VenueStore } from './venue.store';

@Injectable()
export class VenueService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly venues: VenueStore,
  ) {}

  async register(input: RegisterVenueDto, actor: Actor): Promise<Venue> {
    await this.uow.run(async (tx) => {
      const { code, name, partnerAgency, type, kanwilCode, timeZone, collectiveOutlet } = input;
      const venue = { code, name, partnerAgency, type, kanwilCode, timeZone, collectiveOutlet };
      if (!(await this.venues.insert(tx.manager, venue, actor.id))) {
        throw new DomainError('conflict', 'VENUE_EXISTS', `venue ${code} is already registered`, { code });
      }
      tx.publish(VenueRegistered, venue);
    });
    return this.get(input.code);
  }

  async get(code: string): Promise<Venue> {
    const venue = await this.venues.find(code);
    if (!venue) throw notFound('venue', code);
    return venue;
  }

  async list(query: { kanwil?: string; limit: number; offset: number }): Promise<Page<Venue>> {
    const { items, total } = await this.venues.list({ kanwilCode: query.kanwil, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
