import { topicName, STREAMS, type Stream } from '@titipan/contracts';
import { listDeadLetters, redriveDeadLetters } from '@titipan/platform';
import { kafkaAs } from './kafka-credentials';
import { LOCAL } from './local-settings';

/**
 * Dead letters of a stream:
 *   npm run dlq -- list consignment                 every dead letter with its origin and error
 *   npm run dlq -- redrive consignment 0:12 0:13    send the named ones (partition:offset in the .dlq topic) back
 */
async function main(): Promise<void> {
  const [command, stream, ...picks] = process.argv.slice(2);
  if (!['list', 'redrive'].includes(command) || !STREAMS.includes(stream as Stream)) {
    console.error(`usage: npm run dlq -- list <${STREAMS.join('|')}>  |  npm run dlq -- redrive <stream> <partition:offset>...`);
    process.exit(2);
  }
  // the tools principal: it may read the dead letters and write them back to their topic, nothing else
  const kafka = kafkaAs('tools', 'titipan-dlq-tool', LOCAL.brokers.split(','));
  const letters = await listDeadLetters(kafka, topicName(stream as Stream, LOCAL.topicPrefix));
  if (command === 'list') {
    for (const l of letters) {
      console.log(
        `${l.dlqPartition}:${l.dlqOffset}  ${l.failedAt}  ${l.originalTopic}/${l.originalPartition}/${l.originalOffset}  ${l.consumer}  ${l.reason}  ${l.eventType ?? '-'} ${l.eventId ?? ''}\n    ${l.error.split('\n')[0]}`,
      );
    }
    console.log(`${letters.length} dead letter(s)`);
    return;
  }
  const chosen = letters.filter((l) => picks.includes(`${l.dlqPartition}:${l.dlqOffset}`));
  const missing = picks.filter((p) => !chosen.some((l) => `${l.dlqPartition}:${l.dlqOffset}` === p));
  if (missing.length > 0) throw new Error(`no dead letter at ${missing.join(', ')}`);
  console.log(`re-drove ${await redriveDeadLetters(kafka, chosen)} message(s) to their original topic`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
