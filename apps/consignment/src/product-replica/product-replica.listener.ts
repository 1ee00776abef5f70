import { Injectable } from '@nestjs/common';
import {
  ProductApproved,
  ProductDiscontinued,
  ProductPriceChanged,
  ProductReinstated,
  ProductSuspended,
  type EventEnvelope,
} from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { ProductReplicaStore } from './product-replica.store';

/** Keeps the product replica from catalog.events: what may be dispatched and sold, at what price. */
@Injectable()
export class ProductReplicaListener implements EventHandler {
  readonly name = 'product-replica';
  readonly streams = ['catalog'] as const;
  readonly events = [ProductApproved, ProductSuspended, ProductReinstated, ProductDiscontinued, ProductPriceChanged];

  constructor(private readonly store: ProductReplicaStore) {}

  async handle(event: EventEnvelope<any>, tx: Tx): Promise<void> {
    switch (event.type) {
      case ProductApproved.type:
        return this.store.upsertApproved(tx.manager, event);
      case ProductSuspended.type:
        return this.store.setStatus(tx.manager, event.data.productId, 'SUSPENDED', event);
      case ProductReinstated.type:
        return this.store.setStatus(tx.manager, event.data.productId, 'APPROVED', event);
      case ProductDiscontinued.type:
        return this.store.setStatus(tx.manager, event.data.productId, 'DISCONTINUED', event);
      case ProductPriceChanged.type:
        return this.store.addPriceChange(tx.manager, event);
    }
  }
}
