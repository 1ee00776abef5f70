import { Injectable } from '@nestjs/common';
import { ProductApproved, type EventEnvelope, type ProductApprovedV1 } from '@titipan/contracts';
import type { EventHandler, Tx } from '@titipan/platform';
import { ProductDimStore } from './product-dim.store';

/** Keeps product_dim up to date from catalog's approvals (a re-approval after a revision renames). */
@Injectable()
export class ProductDimListener implements EventHandler {
  readonly name = 'product-dim';
  readonly streams = ['catalog'] as const;
  readonly events = [ProductApproved];

  constructor(private readonly store: ProductDimStore) {}

  async handle(event: EventEnvelope<ProductApprovedV1>, tx: Tx): Promise<void> {
    await this.store.upsert(tx.manager, event.data);
  }
}
