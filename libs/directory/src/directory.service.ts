import { Injectable } from '@nestjs/common';
import type { Page, PageQueryDto } from '@titipan/platform';
import type { UptQueryDto } from './directory.dto';
import type { KanwilView, UptView } from './domain/replica';
import { DirectoryStore } from './directory.store';

/** What this service knows of catalog's Kanwil and UPTs, as pages. */
@Injectable()
export class DirectoryService {
  constructor(private readonly store: DirectoryStore) {}

  kanwils(query: PageQueryDto): Promise<Page<KanwilView>> {
    return this.store.kanwils(query);
  }

  upts(query: UptQueryDto): Promise<Page<UptView>> {
    return this.store.upts({ kanwilCode: query.kanwil, limit: query.limit, offset: query.offset });
  }
}
