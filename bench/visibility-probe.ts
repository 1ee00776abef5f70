import { Client } from 'pg';
import { ADMIN_URL } from '../test/support/test-settings';

/** Reporting's consumers whose read models answer sales queries: rollups and stock, and statements. */
export const REPORTING_READERS = ['consignment-reader'];

/**
 * Sees the moment an event becomes visible in reporting: a trigger on reporting's inbox (written in
 * the same transaction as the read models) notifies on commit, and this client notes when each
 * notification arrives. Installed by the benchmark in its own database only.
 */
export class VisibilityProbe {
  /** event id -> consumer -> performance.now() when its transaction was seen committed */
  private readonly seen = new Map<string, Map<string, number>>();
  private client?: Client;

  constructor(private readonly database: string) {}

  async start(): Promise<this> {
    this.client = await adminClient(this.database);
    await this.client.query(`
      CREATE OR REPLACE FUNCTION reporting.bench_visible() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('bench_visible', NEW.consumer || ' ' || NEW.event_id);
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS bench_visible ON reporting.inbox;
      CREATE TRIGGER bench_visible AFTER INSERT ON reporting.inbox FOR EACH ROW EXECUTE FUNCTION reporting.bench_visible();`);
    this.client.on('notification', (n) => {
      const at = performance.now();
      const [consumer, eventId] = n.payload!.split(' ');
      const consumers = this.seen.get(eventId) ?? new Map<string, number>();
      consumers.set(consumer, at);
      this.seen.set(eventId, consumers);
    });
    await this.client.query(`LISTEN bench_visible`);
    return this;
  }

  /** When the event was visible to every reader, or undefined while one has not applied it. */
  visibleAt(eventId: string): number | undefined {
    const consumers = this.seen.get(eventId);
    if (!consumers || !REPORTING_READERS.every((c) => consumers.has(c))) return undefined;
    return Math.max(...REPORTING_READERS.map((c) => consumers.get(c)!));
  }

  /** Which events carried the sales of each request: receipt numbers start with the request's tag. */
  async eventsByRequest(since: Date): Promise<Map<string, string[]>> {
    const rows: { event_id: string; receipt_no: string }[] = (
      await this.client!.query(
        `SELECT event_id, envelope->'data'->'lines'->0->>'receiptNo' AS receipt_no FROM consignment.outbox
          WHERE event_type = 'consignment.sales.recorded' AND created_at >= $1`,
        [since],
      )
    ).rows;
    const byRequest = new Map<string, string[]>();
    for (const r of rows) {
      const tag = requestTag(r.receipt_no);
      byRequest.set(tag, [...(byRequest.get(tag) ?? []), r.event_id]);
    }
    return byRequest;
  }

  async stop(): Promise<void> {
    await this.client?.end().catch(() => undefined);
  }
}

/** A superuser connection to the benchmark's database: it reads every schema, as no service may. */
export async function adminClient(database: string): Promise<Client> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString(), application_name: 'titipan-bench' });
  await client.connect();
  return client;
}

/** Receipt numbers are `<request tag>/<receipt>`: the benchmark tells which request a sale came from. */
export const receiptNo = (tag: string, receipt: number) => `${tag}/${receipt}`;
export const requestTag = (receipt: string) => receipt.split('/')[0];
