import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  KanwilRegistered,
  ProductApproved,
  SaleReversed,
  SalesRecorded,
  StatementIssued,
  type EventEnvelope,
  type KanwilRegisteredV1,
  type ProductApprovedV1,
  type SaleReversedV1,
  type SalesRecordedV1,
} from '@titipan/contracts';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { UnitOfWork } from '../outbox/unit-of-work';
import { EventGroup, EventPattern, type EventContext } from './event-pattern';
import { EventTransport } from './event-transport';
import { InboxStore } from './inbox.store';

@EventGroup({ name: 'replica', streams: ['catalog'] })
class CatalogListener {
  @EventPattern(ProductApproved)
  approved(@Payload() event: EventEnvelope<ProductApprovedV1>, @Ctx() ctx: EventContext) {
    return [event.data.productId, ctx.groupId];
  }

  @EventPattern([SalesRecorded, SaleReversed], { batch: true })
  // a consignment event on a catalog group: refused at start-up (the types are right, the stream is not)
  sales(@Payload() events: EventEnvelope<SalesRecordedV1 | SaleReversedV1>[]) {
    return events.length;
  }
}

@EventGroup({ name: 'replica', streams: ['catalog'] })
class KanwilListener {
  @EventPattern(KanwilRegistered)
  registered(@Payload() event: EventEnvelope<KanwilRegisteredV1>) {
    return event.data.code;
  }
}

@EventGroup({ name: 'replica-twin', streams: ['catalog'] })
class SameNameListener {
  @EventPattern(KanwilRegistered)
  registered(@Payload() event: EventEnvelope<KanwilRegisteredV1>) {
    return event.data.code;
  }
}

// the payload type follows the event definition: these are compile errors (npm run typecheck covers specs)
export class MistypedListener {
  // @ts-expect-error a ProductApproved handler cannot take a KanwilRegistered envelope
  @EventPattern(ProductApproved)
  approved(event: EventEnvelope<KanwilRegisteredV1>) {
    return event.data.code;
  }

  // @ts-expect-error a batch handler takes an array
  @EventPattern([StatementIssued], { batch: true })
  issued(event: EventEnvelope<unknown>) {
    return event.id;
  }
}

/** Starts a Nest app with these listeners on a transport whose Kafka is never reached (start-up fails before). */
async function start(...listeners: Type<unknown>[]) {
  @Module({ controllers: listeners })
  class ListenersModule {}
  const app = await NestFactory.create(ListenersModule, { logger: false });
  const kafka = {
    producer: () => ({ connect: async () => undefined, disconnect: async () => undefined }),
    consumer: () => ({ connect: () => Promise.reject(new Error('no broker in this test')), disconnect: async () => undefined }),
  } as unknown as Kafka;
  const strategy = new EventTransport(kafka, {} as DataSource, new InboxStore(), {} as UnitOfWork, {
    service: 'consignment',
    topicPrefix: 't.',
    maxAttempts: 3,
  });
  app.connectMicroservice({ strategy }, { inheritAppConfig: false });
  return { app, strategy, started: app.startAllMicroservices() };
}

describe('event transport start-up', () => {
  it('refuses a handler naming an event whose stream its group does not read', async () => {
    const { app, started } = await start(CatalogListener);
    await expect(started).rejects.toThrow(
      "CatalogListener.sales handles consignment.sales.recorded v1, published on consignment, but group 'replica' reads only catalog",
    );
    await app.close();
  });

  it('refuses two groups of the same name', async () => {
    @EventGroup({ name: 'replica-twin', streams: ['catalog'] })
    class Twin {
      @EventPattern(KanwilRegistered)
      registered(@Payload() event: EventEnvelope<KanwilRegisteredV1>) {
        return event.id;
      }
    }
    const { app, started } = await start(SameNameListener, Twin);
    await expect(started).rejects.toThrow("consumer group 'replica-twin' is declared twice: by SameNameListener and Twin");
    await app.close();
  });

  it('runs each listener class as one group, named <prefix><service>.<name>', async () => {
    const { app, strategy, started } = await start(KanwilListener);
    await started; // the broker is away: the consumers keep trying in the background, start-up goes on
    expect(strategy.groupStatuses().map((g) => [g.groupId, g.topics])).toEqual([['t.consignment.replica', ['t.catalog.events']]]);
    await app.close();
  });
});
