import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServiceName } from '@titipan/platform';
import { ApiClient, caller, waitForConsumers } from '../tools/demo/api-client';
import { seedCatalog } from '../tools/seed/seed-catalog';
import { startServiceProcess, type RunningService } from '../tools/service-process';
import { freePort } from '../test/support/free-port';
import { TestEnvironment } from '../test/support/test-environment';
import { QUERY_COUNTER } from './statement-count';

/** What a venue may sell: its products with the list price in its agreements. */
export interface BenchVenue {
  code: string;
  /** The venue's Authorization header for consignment, where it sells (a token works on one service). */
  token: string;
  products: { id: string; price: number }[];
}

export interface BenchStack {
  env: TestEnvironment;
  urls: Record<ServiceName, string>;
  /** Every consignment instance's URL (one unless `cluster.instances` asked for more). */
  consignmentUrls: string[];
  venues: BenchVenue[];
  /** The file where consignment's statement counter writes its tally (bench/query-counter.js). */
  statementCountFile: string;
  /** Waits until reporting has applied everything consignment has published. */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The reference venues plus three more Imigrasi lounges (invented codes), in two time zones. */
const VENUES = [
  {
    code: 'IMI-TGR-LOUNGE',
    name: 'Gerai UMKM WBP, Lounge Layanan Publik Kantor Imigrasi Khusus Tangerang',
    partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Tangerang',
    type: 'immigration-lounge',
    kanwilCode: 'KW-BANTEN',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
  {
    code: 'IMI-SBY-JUANDA',
    name: 'Outlet Kantor Imigrasi Juanda Surabaya',
    partnerAgency: 'Kantor Imigrasi Juanda',
    type: 'immigration-lounge',
    kanwilCode: 'KW-DKI',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
  {
    code: 'IMI-SOLO-SQ',
    name: 'Immigration Lounge Solo Square',
    partnerAgency: 'Kantor Imigrasi Surakarta',
    type: 'immigration-lounge',
    kanwilCode: 'KW-DKI',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
  {
    code: 'EXPO-IPPAFEST',
    name: 'IPPAFest exhibition booth',
    partnerAgency: 'Ditjenpas',
    type: 'exhibition',
    kanwilCode: 'KW-DKI',
    timeZone: 'Asia/Jakarta',
    commissionBp: 1000,
  },
  {
    code: 'GAL-DPS',
    name: 'Galeri Karya Warga Binaan Denpasar',
    partnerAgency: 'Kanwil Ditjenpas Bali',
    type: 'gallery',
    kanwilCode: 'KW-DKI',
    timeZone: 'Asia/Makassar',
    commissionBp: 1500,
  },
  {
    code: 'IMI-JKS-LOUNGE',
    name: 'Lounge Kantor Imigrasi Jakarta Selatan',
    partnerAgency: 'Kantor Imigrasi Kelas I Jakarta Selatan',
    type: 'immigration-lounge',
    kanwilCode: 'KW-DKI',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
  {
    code: 'IMI-SRG-LOUNGE',
    name: 'Lounge Kantor Imigrasi Serang',
    partnerAgency: 'Kantor Imigrasi Kelas I TPI Serang',
    type: 'immigration-lounge',
    kanwilCode: 'KW-BANTEN',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
  {
    code: 'IMI-SOETTA',
    name: 'Gerai WBP Terminal 3 Soekarno-Hatta',
    partnerAgency: 'Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta',
    type: 'immigration-lounge',
    kanwilCode: 'KW-BANTEN',
    timeZone: 'Asia/Jakarta',
    commissionBp: 0,
  },
];

/** Units consigned per product and venue: more than any benchmark run sells. */
const STOCK_PER_LOT = 400_000;
const DAY = 24 * 3600_000;

/**
 * The three services as processes from their bundles, on a database and topics of their own (the
 * developer's data are never touched), seeded through the HTTP APIs as in real use: the reference
 * catalog, eight venues, an active agreement between every venue and every UPT with consignable
 * products, and a delivered and received dispatch per agreement.
 */
export async function startBenchStack(
  log: (line: string) => void,
  venueCount = VENUES.length,
  /** more settings for a service's process (bench/http-adapter.ts: which HTTP adapter consignment runs on) */
  serviceEnv: Partial<Record<ServiceName, Record<string, string>>> = {},
  /** brokers of a cluster with its replication, and how many instances of consignment and reporting (bench/cluster-ingestion.ts) */
  cluster?: { brokers: string[]; replication: { replicationFactor: number; minInsyncReplicas: number }; instances: number },
): Promise<BenchStack> {
  const env = cluster ? await TestEnvironment.create(6, cluster.brokers, cluster.replication) : await TestEnvironment.create(6);
  const services: RunningService[] = [];
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
    await env.dispose();
  };
  try {
    // BENCH_PROFILE=consignment,reporting: V8 CPU profiles of those services, written when they stop
    const profiled = (process.env.BENCH_PROFILE ?? '').split(',');
    const statementCountFile = join(tmpdir(), `titipan-bench-statements-${process.pid}.json`);
    for (const service of ['catalog', 'consignment', 'reporting'] as const) {
      const nodeArgs = profiled.includes(service)
        ? ['--cpu-prof', `--cpu-prof-dir=${resolve('bench-results', 'profiles')}`, `--cpu-prof-name=${service}-${Date.now()}.cpuprofile`]
        : [];
      // consignment counts the SQL statements of its sale transactions (an increment per query)
      const counted: Record<string, string> = service === 'consignment' ? { BENCH_QUERY_COUNT_FILE: statementCountFile } : {};
      if (service === 'consignment') nodeArgs.push('--require', QUERY_COUNTER);
      services.push(
        await startServiceProcess(
          service,
          { ...env.env(service, await freePort()), LOG_LEVEL: 'warn', ...counted, ...serviceEnv[service] },
          { onOutput: (line) => log(`${service}: ${line}`), nodeArgs },
        ),
      );
    }
    for (let extra = 1; extra < (cluster?.instances ?? 1); extra++)
      for (const service of ['consignment', 'reporting'] as const)
        services.push(
          await startServiceProcess(
            service,
            { ...env.env(service, await freePort()), LOG_LEVEL: 'warn', ...serviceEnv[service] },
            {
              onOutput: (line) => log(`${service}-${extra + 1}: ${line}`),
            },
          ),
        );
    const urls = Object.fromEntries(services.map((s) => [s.service, s.url]).reverse()) as Record<ServiceName, string>;
    const consignmentUrls = services.filter((s) => s.service === 'consignment').map((s) => s.url);
    const settle = async (timeoutMs = 300_000) => {
      await waitForConsumers('reporting', urls.reporting, ['consignment-reader'], timeoutMs);
    };

    await seedCatalog(urls.catalog);
    await waitForConsumers('consignment', urls.consignment, ['product-replica', 'directory-replica']);
    const api = new ApiClient('consignment', urls.consignment);
    const admin = caller('admin');
    const approved = (
      await new ApiClient('catalog', urls.catalog).expect([200], 'GET', '/products?status=APPROVED&limit=200', admin)
    ).items.filter((p: any) => p.consignable);
    const upts = [...new Set<string>(approved.map((p: any) => p.uptCode))];

    const venues: BenchVenue[] = [];
    for (const v of VENUES.slice(0, venueCount)) {
      const { commissionBp, ...venue } = v;
      await api.expect([201], 'POST', '/venues', admin, { ...venue, collectiveOutlet: true });
      const venueCaller = caller('venue', v.code);
      for (const uptCode of upts) {
        const products = approved.filter((p: any) => p.uptCode === uptCode);
        const draft = await api.expect([201], 'POST', '/agreements', admin, {
          uptCode,
          venueCode: v.code,
          commissionBp,
          validFrom: '2026-01-01',
          prices: products.map((p: any) => ({ productId: p.id, price: p.price })),
        });
        await api.expect([200], 'POST', `/agreements/${draft.id}/activate`, admin);
        const dispatch = await api.expect([201], 'POST', '/dispatches', caller('upt', uptCode), {
          agreementId: draft.id,
          lines: products.map((p: any) => ({
            productId: p.id,
            lotCode: `${p.sku}-BENCH`,
            expiryDate: p.shelfLifeDays ? new Date(Date.now() + p.shelfLifeDays * DAY).toISOString().slice(0, 10) : undefined,
            quantity: STOCK_PER_LOT,
          })),
        });
        await api.expect([201], 'POST', `/dispatches/${dispatch.id}/receipt`, venueCaller, {
          lines: products.map((_: unknown, i: number) => ({ lineNo: i + 1, accepted: STOCK_PER_LOT, damaged: 0, short: 0 })),
        });
      }
      const sold = approved.filter((p: any) => upts.includes(p.uptCode));
      venues.push({ code: v.code, token: api.token('venue', v.code), products: sold.map((p: any) => ({ id: p.id, price: p.price })) });
    }
    await settle();
    log(
      `seeded ${approved.length} products of ${upts.length} UPTs at ${venues.length} venues (${venues.length * upts.length} agreements, ${STOCK_PER_LOT.toLocaleString('en')} units per lot)`,
    );
    return { env, urls, consignmentUrls, venues, statementCountFile, settle, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
