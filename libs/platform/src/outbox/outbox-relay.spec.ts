import type { EventEnvelope } from '@titipan/contracts';
import { chunkBySize, eventMessage, MAX_SEND_BYTES, messageBytes } from './outbox-relay';

/** A sale upload's event as the relay sends it: `lines` lines of about 225 bytes of JSON each. */
const saleEvent = (n: number, lines: number): EventEnvelope =>
  ({
    id: `0193a1f2-7c1b-7e3a-9d5e-${String(n).padStart(12, '0')}`,
    type: 'consignment.sales.recorded',
    version: 1,
    correlationId: `c-${n}`,
    partitionKey: 'agreement-1',
    payload: {
      lines: Array.from({ length: lines }, (_, i) => ({
        receiptNo: `POS-${n}-${i}`,
        lineNo: (i % 10) + 1,
        productId: '0193a1f2-7c1b-7e3a-9d5e-1234567890ab',
        lotCode: 'PV-CLUSTER-2026',
        quantity: 1,
        unitPrice: 125_000,
        listPrice: 125_000,
        amount: 125_000,
        soldAt: '2026-12-01T01:06:26.073Z',
      })),
    },
  }) as unknown as EventEnvelope;

describe('the relay’s sends stay under the brokers’ record batch limit', () => {
  it('counts a message’s key, value and headers', () => {
    const message = eventMessage(saleEvent(1, 1), 'agreement-1');
    const headers = Object.entries(message.headers!).reduce((sum, [k, v]) => sum + k.length + String(v).length, 0);
    expect(messageBytes(message)).toBe('agreement-1'.length + String(message.value).length + headers);
    expect(messageBytes({ key: null, value: Buffer.alloc(10) })).toBe(10);
  });

  it('splits a backlog of large events for one partition into sends of at most MAX_SEND_BYTES, in order', () => {
    // what a broker outage leaves: OUTBOX_BATCH_SIZE (500) rows of 100-line uploads, all for one agreement
    const messages = Array.from({ length: 500 }, (_, n) => eventMessage(saleEvent(n, 100), 'agreement-1'));
    const total = messages.reduce((sum, m) => sum + messageBytes(m), 0);
    expect(total).toBeGreaterThan(10 * 1024 * 1024); // one send of all of them: MESSAGE_TOO_LARGE, every time

    const chunks = chunkBySize(messages, messageBytes, MAX_SEND_BYTES);
    for (const chunk of chunks) expect(chunk.reduce((sum, m) => sum + messageBytes(m), 0)).toBeLessThanOrEqual(MAX_SEND_BYTES);
    expect(MAX_SEND_BYTES).toBeLessThan(1024 * 1024); // the brokers' default max.message.bytes
    expect(chunks.flat()).toEqual(messages);
  });

  it('sends the largest event a sale upload makes (500 lines) in one piece, and an item over the limit alone', () => {
    expect(messageBytes(eventMessage(saleEvent(1, 500), 'agreement-1'))).toBeLessThan(MAX_SEND_BYTES);
    expect(chunkBySize([1, 9, 2, 3, 1], (n) => n, 4)).toEqual([[1], [9], [2], [3, 1]]);
    expect(chunkBySize([], (n: number) => n, 4)).toEqual([]);
  });
});
