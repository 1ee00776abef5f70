import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@titipan/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource } from 'typeorm';
import { TestEnvironment } from '../../../test/support/test-environment';
import { REPORTING_MIGRATIONS } from '../src/database/migrations';
import { OneConsignmentReader1700000019000 } from '../src/database/migrations/1700000019000-one-consignment-reader';
import { CarryOverStore } from '../src/projection/carry-over.store';
import { applyConsignmentEvents } from '../src/projection/consignment-events.listener';
import { ProjectionStore } from '../src/projection/projection.store';
import { SourceEventsStore } from '../src/statement/source-events.store';

/**
 * Decision 0027: a deployment whose two old readers of consignment.events stopped at different events. The new
 * reader takes over what both applied, and applies to an event only the part the old readers had not.
 */
describe('reporting: one reader takes over from the two old groups', () => {
  let env: TestEnvironment;
  let reporting: DataSource;
  const agreementId = randomUUID();
  const productId = randomUUID();
  const envelope = (type: string, data: object) =>
    ({ id: uuidv7(), type, version: 1, time: '2026-11-03T10:00:00+07:00', data }) as unknown as EventEnvelope<unknown>;
  const sale = (receiptNo: string) =>
    envelope('consignment.sales.recorded', {
      agreementId,
      batchId: randomUUID(),
      venueCode: 'IMI-TGR-LOUNGE',
      uptCode: 'LPP-TGR',
      lines: [
        {
          receiptNo,
          lineNo: 1,
          productId,
          lotCode: 'L1',
          quantity: 1,
          unitPrice: 10_000,
          listPrice: 10_000,
          amount: 10_000,
          soldAt: '2026-11-03T10:00:00+07:00',
          period: '2026-11',
        },
      ],
    });
  const both = sale('R-BOTH');
  const onlyProjected = sale('R-PROJECTED');
  const onlyStored = sale('R-STORED');

  beforeAll(async () => {
    env = await TestEnvironment.create();
    const before = REPORTING_MIGRATIONS.filter(
      (m) => m !== OneConsignmentReader1700000019000 && m.name !== 'ReplayRebuildsStatementSources1700000019100',
    );
    const old = await env.dataSource('reporting', before);
    const claim = (consumer: string, e: EventEnvelope<unknown>, offset: number) =>
      old.query(
        `INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset) VALUES ($1, $2, $3, 'consignment.events', 0, $4)`,
        [consumer, e.id, e.type, offset],
      );
    await claim('consignment-projections', both, 1);
    await claim('statement-source', both, 1);
    await claim('consignment-projections', onlyProjected, 2);
    await claim('statement-source', onlyStored, 3);
    reporting = await env.dataSource('reporting', REPORTING_MIGRATIONS);
  });
  afterAll(() => env?.dispose());

  it('claims for the new reader what both old groups applied, and carries over the part only one of them applied', async () => {
    const claimed: { event_id: string }[] = await reporting.query(`SELECT event_id FROM inbox WHERE consumer = 'consignment-reader'`);
    expect(claimed.map((r) => r.event_id)).toEqual([both.id]);
    const parts = await new CarryOverStore().parts(reporting.manager, [both.id, onlyProjected.id, onlyStored.id]);
    expect(Object.fromEntries(parts)).toEqual({ [onlyProjected.id]: 'projections', [onlyStored.id]: 'statement-sources' });
  });

  it('applies to each carried event only the part its old group had not, so nothing counts twice', async () => {
    const sources = new SourceEventsStore();
    const projections = new ProjectionStore();
    await reporting.transaction(async (m) => {
      const carried = await new CarryOverStore().parts(m, [onlyProjected.id, onlyStored.id]);
      await applyConsignmentEvents(
        m,
        [onlyProjected, onlyStored],
        new Map([[agreementId, { timeZone: 'Asia/Jakarta', eventDays: null }]]),
        {
          projections,
          sources,
          carried,
        },
      );
    });
    // the projection group had applied R-PROJECTED already: only R-STORED is added to the read models
    const [daily] = await reporting.query(`SELECT quantity, amount::int AS amount FROM sales_daily WHERE agreement_id = $1`, [agreementId]);
    expect(daily).toEqual({ quantity: 1, amount: 10_000 });
    // the statement-source group had stored R-STORED already: only R-PROJECTED is added to the statement sources
    const stored: { event_id: string }[] = await reporting.query(`SELECT event_id FROM event_log WHERE agreement_id = $1`, [agreementId]);
    expect(stored.map((r) => r.event_id)).toEqual([onlyProjected.id]);
  });
});
