import { memoryStorage, nextReceiptNo, randomDeviceId, SaleQueue, type LineOutcome, type SaleLine, type SendBatch } from './sale-queue';

const line = (receiptNo: string, quantity = 1): SaleLine => ({
  receiptNo,
  lineNo: 1,
  productId: 'p-1',
  quantity,
  soldAt: '2026-11-30T10:00:00.000Z',
});
const accepted = (l: SaleLine): LineOutcome => ({ status: 'accepted', receiptNo: l.receiptNo, lineNo: l.lineNo });

/** A service that records each line once, like POST /sales/batches: a resend is a duplicate. */
function fakeService() {
  const recorded = new Set<string>();
  const requests: SaleLine[][] = [];
  let offline = false;
  const send: SendBatch = async (lines) => {
    if (offline) return { kind: 'retry', reason: 'offline' };
    requests.push(lines);
    return {
      lines: lines.map((l) => {
        const key = `${l.receiptNo}|${l.lineNo}`;
        if (recorded.has(key)) return { ...accepted(l), status: 'duplicate' as const };
        if (l.quantity > 5)
          return {
            status: 'refused' as const,
            receiptNo: l.receiptNo,
            lineNo: l.lineNo,
            code: 'INSUFFICIENT_STOCK',
            message: '',
            details: { requested: l.quantity, available: 5 },
          };
        recorded.add(key);
        return accepted(l);
      }),
    };
  };
  return { send, recorded, requests, setOffline: (v: boolean) => (offline = v) };
}

describe('the till outbox', () => {
  it('numbers receipts <venue>-<device>-<counter> and keeps the device id and counter', async () => {
    const storage = memoryStorage();
    const a = await nextReceiptNo(storage, 'IMI-TGR-LOUNGE', () => 'DEV123');
    const b = await nextReceiptNo(storage, 'IMI-TGR-LOUNGE', () => 'OTHER9');
    expect([a, b]).toEqual(['IMI-TGR-LOUNGE-DEV123-1', 'IMI-TGR-LOUNGE-DEV123-2']);
    expect(randomDeviceId()).toMatch(/^[A-Z2-9]{6}$/);
  });

  it('keeps sales while offline and sends them in order on reconnect, each with its result', async () => {
    const storage = memoryStorage();
    const service = fakeService();
    const queue = new SaleQueue(storage, service.send, 'V');
    service.setOffline(true);
    await queue.enqueue(line('V-D-1'), 'a');
    await queue.enqueue(line('V-D-2', 9), 'b');
    await queue.enqueue(line('V-D-3'), 'c');
    const offline = await queue.flush();
    expect(offline).toMatchObject({ sent: [], stopped: { kind: 'retry' }, waiting: 3 });
    expect(await queue.waiting()).toBe(3);

    service.setOffline(false);
    const online = await queue.flush();
    expect(online.sent.map((s) => [s.sale.line.receiptNo, s.outcome.status])).toEqual([
      ['V-D-1', 'accepted'],
      ['V-D-2', 'refused'],
      ['V-D-3', 'accepted'],
    ]);
    expect(service.requests.map((r) => r.map((l) => l.receiptNo))).toEqual([['V-D-1', 'V-D-2', 'V-D-3']]);
    expect(await queue.waiting()).toBe(0);
  });

  it('a sale sent but whose answer was lost goes again and is answered duplicate, never sold twice', async () => {
    const storage = memoryStorage();
    const service = fakeService();
    let loseAnswer = true;
    const lossy: SendBatch = async (lines) => {
      const answer = await service.send(lines);
      if (loseAnswer) {
        loseAnswer = false;
        return { kind: 'retry', reason: 'connection dropped after the request' };
      }
      return answer;
    };
    const queue = new SaleQueue(storage, lossy, 'V');
    await queue.enqueue(line('V-D-1'), 'a');
    expect((await queue.flush()).waiting).toBe(1);
    const again = await queue.flush();
    expect(again.sent.map((s) => s.outcome.status)).toEqual(['duplicate']);
    expect(service.recorded.size).toBe(1);
  });

  it('a reload finds the queue as it was (the storage is the state)', async () => {
    const storage = memoryStorage();
    const service = fakeService();
    service.setOffline(true);
    await new SaleQueue(storage, service.send, 'V').enqueue(line('V-D-1'), 'a');
    service.setOffline(false);
    const reloaded = new SaleQueue(storage, service.send, 'V');
    expect(await reloaded.waiting()).toBe(1);
    expect((await reloaded.flush()).sent).toHaveLength(1);
  });

  it('keeps everything when signed out, and reports a request refused as a whole without blocking the till', async () => {
    const storage = memoryStorage();
    let answer: 'signed-out' | 'rejected' = 'signed-out';
    const send: SendBatch = async () =>
      answer === 'signed-out' ? { kind: 'signed-out' } : { kind: 'rejected', code: 'VALIDATION_FAILED', message: 'bad', details: {} };
    const queue = new SaleQueue(storage, send, 'V');
    await queue.enqueue(line('V-D-1'), 'a');
    expect(await queue.flush()).toMatchObject({ stopped: { kind: 'signed-out' }, waiting: 1 });
    answer = 'rejected';
    const result = await queue.flush();
    expect(result.sent.map((s) => s.outcome)).toEqual([expect.objectContaining({ status: 'refused', code: 'VALIDATION_FAILED' })]);
    expect(await queue.waiting()).toBe(0);
  });

  it('one flush at a time: a sale queued during a flush is sent by the flush that follows', async () => {
    const storage = memoryStorage();
    const service = fakeService();
    const queue = new SaleQueue(storage, service.send, 'V');
    await queue.enqueue(line('V-D-1'), 'a');
    const first = queue.flush();
    await queue.enqueue(line('V-D-2'), 'b');
    const second = queue.flush();
    await Promise.all([first, second]);
    expect(
      service.requests
        .flat()
        .map((l) => l.receiptNo)
        .sort(),
    ).toEqual(['V-D-1', 'V-D-2']);
    expect(await queue.waiting()).toBe(0);
  });

  it('sends only the sales of its own venue', async () => {
    const storage = memoryStorage();
    const service = fakeService();
    await new SaleQueue(storage, service.send, 'OTHER').enqueue(line('O-D-1'), 'x');
    const queue = new SaleQueue(storage, service.send, 'V');
    await queue.enqueue(line('V-D-1'), 'a');
    expect((await queue.flush()).sent.map((s) => s.sale.line.receiptNo)).toEqual(['V-D-1']);
    expect(await new SaleQueue(storage, service.send, 'OTHER').waiting()).toBe(1);
  });
});
