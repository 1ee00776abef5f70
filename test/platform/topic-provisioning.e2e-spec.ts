import { allTopics } from '@titipan/contracts';
import { provisionTopics } from '@titipan/platform';
import { kafkaAs } from '../../tools/kafka-credentials';
import { PrivateBroker } from '../support/private-broker';

/**
 * Setup, tests and benchmarks all provision topics right after `kafka.sh start`. On a new machine the first
 * of them met a broker that answered "unknown topic or partition" while it settled; this drives that window
 * on purpose: topics are provisioned the moment the broker's port opens, from wiped data, five times.
 */
describe('topic provisioning on a broker that has just started (a private broker, wiped each time)', () => {
  let broker: PrivateBroker | undefined;
  afterEach(async () => {
    await broker?.dispose();
    broker = undefined;
  });

  it.each([1, 2, 3, 4, 5])(
    'round %i: provisions within a second of the port opening, and every partition has a leader when it returns',
    async () => {
      broker = await PrivateBroker.launch();
      const portOpen = Date.now();
      const kafka = kafkaAs('admin', 'titipan-provision-test', broker.brokers);
      const startedAfter = Date.now() - portOpen;
      const created = await provisionTopics(kafka, { partitions: 3 });
      const took = Date.now() - portOpen;

      const wanted = allTopics('');
      expect(startedAfter).toBeLessThan(1_000);
      expect(created.sort()).toEqual([...wanted].sort());
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
        expect(topics).toHaveLength(wanted.length);
        for (const topic of topics) {
          expect(topic.partitions).toHaveLength(3);
          for (const p of topic.partitions) expect(p.leader).toBeGreaterThanOrEqual(0);
        }
        // running it again finds everything in place and creates nothing
        expect(await provisionTopics(kafka, { partitions: 3 })).toEqual([]);
      } finally {
        await admin.disconnect();
      }
      await broker.ready();
      console.log(`provisioned ${wanted.length} topics ${took} ms after the broker's port opened`);
    },
    180_000,
  );
});
