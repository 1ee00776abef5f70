/**
 * The till's outbox. Every sale is stored on the device before it is sent, then goes up in order as a batch
 * (POST /sales/batches); the service answers each line accepted, duplicate (the same receipt number and line:
 * its original result) or refused. So a sale survives a lost connection, a reload or a closed tab, and a
 * resend never sells twice. Plain TS: the storage and the sender are injected (IndexedDB and fetch in the
 * browser, memory in sale-queue.spec.ts).
 */

export interface SaleLine {
  receiptNo: string;
  lineNo: number;
  productId: string;
  quantity: number;
  unitPrice?: number;
  discountReason?: string;
  soldAt: string;
}

/** A sale waiting on the device: the line as sent, and what the cashier saw (for the results list). */
export interface QueuedSale {
  /** Storage order; set by the storage. */
  seq?: number;
  venueCode: string;
  line: SaleLine;
  label: string;
}

export type LineOutcome =
  | { status: 'accepted' | 'duplicate'; receiptNo: string; lineNo: number; amount?: number; unitPrice?: number }
  | { status: 'refused'; receiptNo: string; lineNo: number; code: string; message: string; details: Record<string, unknown> };

export interface SentLine {
  sale: QueuedSale;
  outcome: LineOutcome;
}

export interface QueueStorage {
  /** Waiting sales, oldest first. */
  list(): Promise<QueuedSale[]>;
  add(sale: QueuedSale): Promise<void>;
  remove(seqs: number[]): Promise<void>;
  /** The next number of a named counter, persisted before it is returned (1, 2, 3, …). */
  increment(name: string): Promise<number>;
  /** A value set once and kept (the device id). */
  getOrSet(name: string, make: () => string): Promise<string>;
}

/** What the sender tells about a whole request that got no per-line answer. */
export type SendFailure =
  /** No connection, or the service is unreachable or unwell (5xx, 429): try again later, keep everything. */
  | { kind: 'retry'; reason: string }
  /** Signed out: keep everything, the person signs in again. */
  | { kind: 'signed-out' }
  /** The request itself was refused (a 4xx other than the above): these lines cannot go up as they are. */
  | { kind: 'rejected'; code: string; message: string; details: Record<string, unknown> };

export type SendBatch = (lines: SaleLine[]) => Promise<{ lines: LineOutcome[] } | SendFailure>;

/** How many lines go up in one request (the service takes up to 5,000). */
export const LINES_PER_REQUEST = 500;

export interface FlushResult {
  sent: SentLine[];
  /** Why sending stopped before the queue was empty, if it did. */
  stopped?: SendFailure;
  waiting: number;
}

/** `<venue>-<device>-<counter>`: unique per device without asking the server, so a sale can be numbered offline. */
export async function nextReceiptNo(storage: QueueStorage, venueCode: string, newDeviceId: () => string): Promise<string> {
  const device = await storage.getOrSet('deviceId', newDeviceId);
  const counter = await storage.increment(`receipt:${venueCode}`);
  return `${venueCode}-${device}-${counter}`;
}

/** A short random device id (6 characters, upper case, no look-alikes). */
export function randomDeviceId(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

export class SaleQueue {
  private flushing: Promise<FlushResult> | undefined;

  constructor(
    private readonly storage: QueueStorage,
    private readonly send: SendBatch,
    private readonly venueCode: string,
  ) {}

  async waiting(): Promise<number> {
    return (await this.mine()).length;
  }

  /** Stores the sale on the device; it is not sent until flush(). */
  async enqueue(line: SaleLine, label: string): Promise<void> {
    await this.storage.add({ venueCode: this.venueCode, line, label });
  }

  /**
   * Sends everything waiting, oldest first, in requests of LINES_PER_REQUEST. One flush at a time: a call
   * during a flush waits for it and then runs again, so a sale queued meanwhile is not left behind.
   */
  flush(): Promise<FlushResult> {
    if (this.flushing) {
      return this.flushing.then(() => this.flush());
    }
    this.flushing = this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async mine(): Promise<QueuedSale[]> {
    return (await this.storage.list()).filter((s) => s.venueCode === this.venueCode);
  }

  private async drain(): Promise<FlushResult> {
    const sent: SentLine[] = [];
    for (;;) {
      const waiting = await this.mine();
      if (waiting.length === 0) return { sent, waiting: 0 };
      const chunk = waiting.slice(0, LINES_PER_REQUEST);
      const answer = await this.send(chunk.map((s) => s.line));
      if (!('lines' in answer)) {
        if (answer.kind !== 'rejected') return { sent, stopped: answer, waiting: waiting.length };
        // a request refused as a whole would block the till for ever: its lines are reported refused and leave
        for (const sale of chunk) {
          sent.push({
            sale,
            outcome: {
              status: 'refused',
              receiptNo: sale.line.receiptNo,
              lineNo: sale.line.lineNo,
              code: answer.code,
              message: answer.message,
              details: answer.details,
            },
          });
        }
        await this.storage.remove(chunk.map((s) => s.seq!));
        continue;
      }
      const byKey = new Map(answer.lines.map((o) => [`${o.receiptNo}|${o.lineNo}`, o]));
      const answered = chunk.filter((s) => byKey.has(`${s.line.receiptNo}|${s.line.lineNo}`));
      for (const sale of answered) sent.push({ sale, outcome: byKey.get(`${sale.line.receiptNo}|${sale.line.lineNo}`)! });
      // only lines the service answered leave the device; an unanswered one is sent again (idempotent)
      await this.storage.remove(answered.map((s) => s.seq!));
      if (answered.length === 0) return { sent, stopped: { kind: 'retry', reason: 'no line answered' }, waiting: waiting.length };
    }
  }
}

/** A queue storage in memory (tests, and a browser without IndexedDB). */
export function memoryStorage(): QueueStorage {
  let seq = 0;
  const sales: QueuedSale[] = [];
  const values = new Map<string, string | number>();
  return {
    list: async () => sales.map((s) => ({ ...s })),
    add: async (sale) => {
      sales.push({ ...sale, seq: ++seq });
    },
    remove: async (seqs) => {
      for (const s of seqs) {
        const i = sales.findIndex((x) => x.seq === s);
        if (i >= 0) sales.splice(i, 1);
      }
    },
    increment: async (name) => {
      const next = Number(values.get(name) ?? 0) + 1;
      values.set(name, next);
      return next;
    },
    getOrSet: async (name, make) => {
      if (!values.has(name)) values.set(name, make());
      return String(values.get(name));
    },
  };
}
