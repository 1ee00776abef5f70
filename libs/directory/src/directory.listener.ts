import { Ctx, Payload } from '@nestjs/microservices';
import { KanwilRegistered, UptRegistered, type EventEnvelope, type KanwilRegisteredV1, type UptRegisteredV1 } from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext } from '@titipan/platform';
import { DirectoryStore } from './directory.store';

/** Keeps this service's replica of Kanwil and UPT master data from catalog.events. */
@EventGroup({ name: 'directory-replica', streams: ['catalog'] })
export class DirectoryListener {
  constructor(private readonly store: DirectoryStore) {}

  @EventPattern(KanwilRegistered)
  async kanwilRegistered(@Payload() event: EventEnvelope<KanwilRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.store.upsertKanwil(ctx.tx.manager, event);
  }

  @EventPattern(UptRegistered)
  async uptRegistered(@Payload() event: EventEnvelope<UptRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.store.upsertUpt(ctx.tx.manager, event);
  }
}
