import { Injectable } from '@nestjs/common';
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
import type { EventHandler, Tx } from '@titipan/platform';
import { ProductReplicaStore } from './product-replica.store';

type StatusChange = ProductSuspendedV1 | ProductReinstatedV1 | ProductDiscontinuedV1;

/** Keeps the product replica from catalog.events: what may be dispatched and sold, at what price. */
@Injectable()
export class ProductReplicaListener implements EventHandler {
  readonly name = 'product-replica';
  readonly streams = ['catalog'] as const;
  readonly events = [ProductApproved, ProductSuspended, ProductReinstated, ProductDiscontinued, ProductPriceChanged];

  constructor(private readonly store: ProductReplicaStore) {}

  async handle(event: EventEnvelope<unknown>, tx: Tx): Promise<void> {
    // the consumer delivers only the events above, each parsed into its payload class
    const productId = (event.data as StatusChange).productId;
    switch (event.type) {
      case ProductApproved.type:
        return this.store.upsertApproved(tx.manager, event as EventEnvelope<ProductApprovedV1>);
      case ProductSuspended.type:
        await this.store.openSuspension(tx.manager, productId, event);
        return this.store.setStatus(tx.manager, productId, 'SUSPENDED', event);
      case ProductReinstated.type:
        await this.store.closeSuspension(tx.manager, productId, event);
        return this.store.setStatus(tx.manager, productId, 'APPROVED', event);
      case ProductDiscontinued.type:
        return this.store.setStatus(tx.manager, productId, 'DISCONTINUED', event);
      case ProductPriceChanged.type:
        return this.store.addPriceChange(tx.manager, event as EventEnvelope<ProductPriceChangedV1>);
    }
  }
}
