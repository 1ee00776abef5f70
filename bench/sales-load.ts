import autocannon from 'autocannon';
import type { BenchVenue } from './bench-stack';
import { percentiles, round, type Percentiles } from './statistics';
import { receiptNo, type VisibilityProbe } from './visibility-probe';

export interface SalesLoadOptions {
  consignmentUrl: string;
  venues: BenchVenue[];
  /** one line per POST /sales, or batches of this many lines per POST /sales/batches */
  linesPerRequest: number;
  connections: number;
  seconds: number;
  /** fixed request rate over all connections; as fast as the service answers if omitted */
  ratePerSecond?: number;
  /** distinguishes this run's receipt numbers from every other run's */
  tag: string;
}

export interface SalesLoadResult {
  requests: number;
  failed: number;
  acceptedLines: number;
  seconds: number;
  requestsPerSecond: number;
  acceptedLinesPerSecond: number;
  latencyMs: Percentiles;
  startedAt: Date;
  startedAtMs: number;
  /** request tag -> performance.now() at its 2xx response */
  answeredAt: Map<string, number>;
}

/** Receipts of four lines, products in turn, one or two units each, sold a second ago. */
function saleLines(venue: BenchVenue, tag: string, count: number, seq: number) {
  const soldAt = new Date(Date.now() - 1000).toISOString();
  return Array.from({ length: count }, (_, k) => {
    const product = venue.products[(seq * 7 + k) % venue.products.length];
    return {
      receiptNo: receiptNo(tag, Math.floor(k / 4)),
      lineNo: (k % 4) + 1,
      productId: product.id,
      quantity: 1 + ((seq + k) % 2),
      soldAt,
    };
  });
}

/**
 * Sales against the real consignment service with autocannon: each connection is one venue's till
 * (connections take the venues in turn), every request carries new receipt numbers. Latency is
 * autocannon's per-response time; percentiles are simple-statistics' quantiles of all of them.
 */
export async function runSalesLoad(options: SalesLoadOptions): Promise<SalesLoadResult> {
  const single = options.linesPerRequest === 1;
  const answeredAt = new Map<string, number>();
  const latencies: number[] = [];
  let acceptedLines = 0;
  let failed = 0;
  let connectionsSeen = 0;
  let sequence = 0;
  const firstFailures: string[] = [];
  type Context = { venue?: BenchVenue; tag?: string };

  const startedAt = new Date();
  const startedAtMs = performance.now();
  const load: autocannon.Options = {
    url: options.consignmentUrl,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.ratePerSecond,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: single ? '/sales' : '/sales/batches',
        setupRequest: (request, ctx) => {
          const context = ctx as Context;
          context.venue ??= options.venues[connectionsSeen++ % options.venues.length];
          const seq = sequence++;
          context.tag = `${options.tag}${seq}`;
          const lines = saleLines(context.venue, context.tag, options.linesPerRequest, seq);
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: context.venue.token },
            body: JSON.stringify(single ? lines[0] : { lines }),
          };
        },
        onResponse: (status, body, ctx) => {
          const context = ctx as Context;
          if (status === 200 || status === 201) {
            const accepted = single ? 1 : (JSON.parse(body) as { accepted: number }).accepted;
            acceptedLines += accepted;
            if (accepted === options.linesPerRequest) answeredAt.set(context.tag!, performance.now());
            else if (firstFailures.length < 3) firstFailures.push(body.slice(0, 500));
          } else {
            failed++;
            if (firstFailures.length < 3) firstFailures.push(`HTTP ${status} ${body.slice(0, 500)}`);
          }
        },
      },
    ],
  };
  const run = (options: autocannon.Options) => {
    let instance!: autocannon.Instance;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(options, (error, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
    });
    // autocannon passes the client first, which its type declarations leave out
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    return finished;
  };
  const timed = await run(load);
  // autocannon drops what is in flight when the time is up: on a machine so loaded that no request was answered
  // within a short window, each till sends one more request and waits for it, so the run still has figures
  const result =
    latencies.length > 0 ? timed : await run({ ...load, duration: undefined, overallRate: undefined, amount: options.connections });
  const seconds = (performance.now() - startedAtMs) / 1000;
  if (firstFailures.length > 0)
    throw new Error(`${options.tag}: ${failed} requests failed or had refused lines, e.g.\n${firstFailures.join('\n')}`);
  if (result.errors > 0) throw new Error(`${options.tag}: ${result.errors} connection errors (${result.timeouts} timeouts)`);
  return {
    requests: latencies.length,
    failed,
    acceptedLines,
    seconds: round(seconds),
    requestsPerSecond: Math.round(latencies.length / seconds),
    acceptedLinesPerSecond: Math.round(acceptedLines / seconds),
    latencyMs: percentiles(latencies),
    startedAt,
    startedAtMs,
    answeredAt,
  };
}

export interface Freshness extends Percentiles {
  requests: number;
  /** performance.now() when the last sale of the run was visible in reporting */
  lastVisibleAt: number;
}

/**
 * Time from each request's 2xx response to the moment all its sales were visible in reporting
 * (every event it caused applied by every reporting reader). Waits for stragglers.
 */
export async function freshness(probe: VisibilityProbe, load: SalesLoadResult, timeoutMs = 300_000): Promise<Freshness> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await probe.eventsByRequest(load.startedAt);
    const delays: number[] = [];
    let lastVisibleAt = 0;
    let pending = 0;
    for (const [tag, answered] of load.answeredAt) {
      const visible = (events.get(tag) ?? []).map((id) => probe.visibleAt(id));
      if (visible.length === 0 || visible.some((v) => v === undefined)) {
        pending++;
        continue;
      }
      const at = Math.max(...(visible as number[]));
      lastVisibleAt = Math.max(lastVisibleAt, at);
      delays.push(at - answered);
    }
    if (pending === 0) return { ...percentiles(delays), requests: delays.length, lastVisibleAt };
    if (Date.now() > deadline)
      throw new Error(`${pending} of ${load.answeredAt.size} requests not visible in reporting after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
