import { Ctx, Payload } from '@nestjs/microservices';
import { ProductApproved, type EventEnvelope, type ProductApprovedV1 } from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext } from '@titipan/platform';
import { ProductDimStore } from './product-dim.store';

/** Keeps product_dim up to date from catalog's approvals (a re-approval after a revision renames). */
@EventGroup({ name: 'product-dim', streams: ['catalog'] })
export class ProductDimListener {
  constructor(private readonly store: ProductDimStore) {}

  @EventPattern(ProductApproved)
  async approved(@Payload() event: EventEnvelope<ProductApprovedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.store.upsert(ctx.tx.manager, event.data);
  }
}
