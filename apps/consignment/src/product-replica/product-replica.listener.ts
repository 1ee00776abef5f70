import { Ctx, Payload } from '@nestjs/microservices';
import {
  ProductApproved,
  ProductDiscontinued,
  ProductPriceChanged,
  ProductReinstated,
  ProductSuspended,
  type EventEnvelope,
  type ProductApprovedV1,
  type ProductDiscontinuedV1,
  type ProductPriceChangedV1,
  type ProductReinstatedV1,
  type ProductSuspendedV1,
} from '@titipan/contracts';
import { EventGroup, EventPattern, type EventContext } from '@titipan/platform';
import { ProductReplicaStore } from './product-replica.store';

/** Keeps the product replica from catalog.events: what may be dispatched and sold, at what price. */
@EventGroup({ name: 'product-replica', streams: ['catalog'] })
export class ProductReplicaListener {
  constructor(private readonly store: ProductReplicaStore) {}

  @EventPattern(ProductApproved)
  approved(@Payload() event: EventEnvelope<ProductApprovedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.store.upsertApproved(ctx.tx.manager, event);
  }

  @EventPattern(ProductSuspended)
  async suspended(@Payload() event: EventEnvelope<ProductSuspendedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.store.openSuspension(ctx.tx.manager, event.data.productId, event);
    await this.store.setStatus(ctx.tx.manager, event.data.productId, 'SUSPENDED', event);
  }

  @EventPattern(ProductReinstated)
  async reinstated(@Payload() event: EventEnvelope<ProductReinstatedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.store.closeSuspension(ctx.tx.manager, event.data.productId, event);
    await this.store.setStatus(ctx.tx.manager, event.data.productId, 'APPROVED', event);
  }

  @EventPattern(ProductDiscontinued)
  discontinued(@Payload() event: EventEnvelope<ProductDiscontinuedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.store.setStatus(ctx.tx.manager, event.data.productId, 'DISCONTINUED', event);
  }

  @EventPattern(ProductPriceChanged)
  priceChanged(@Payload() event: EventEnvelope<ProductPriceChangedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.store.addPriceChange(ctx.tx.manager, event);
  }
}
