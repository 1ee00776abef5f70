import autocannon from 'autocannon';
import { Logger } from '@nestjs/common';
import { startBenchStack } from './bench-stack';
import { startCpuMeter } from './cpu-meter';
import { trustDevTokens } from './dev-tokens';
import { runSalesLoad } from './sales-load';

/**
 * Decision 0023's measurement: consignment on Express and on Fastify, the same requests at the same fixed
 * rates, and consignment's CPU per request from the cpu meter. Needs the experimental switch
 * (`git apply bench/fastify-experiment.patch && npm run build`): consignment runs on Fastify when
 * BENCH_HTTP_ADAPTER=fastify. Arguments: seconds per load (default 20), sales/s (100), GETs/s (200), and
 * `express` or `fastify` to measure one alone (`express` on a build without the switch).
 */
const [seconds = 20, saleRate = 100, getRate = 200] = process.argv.slice(2, 5).map(Number);
const adapters = process.argv[5] ? [process.argv[5] as 'express' | 'fastify'] : (['express', 'fastify'] as const);
const log = (line: string) => console.error(`[http-adapter ${new Date().toISOString().slice(11, 19)}] ${line}`);
Logger.overrideLogger(['error']);

async function measure(adapter: 'express' | 'fastify') {
  const stack = await startBenchStack(log, 2, { consignment: { BENCH_HTTP_ADAPTER: adapter } });
  try {
    const venues = stack.venues;
    await runSalesLoad({
      consignmentUrl: stack.urls.consignment,
      venues,
      linesPerRequest: 1,
      connections: 2,
      seconds: 3,
      tag: `W${adapter}`,
    });
    let cpu = startCpuMeter();
    const sales = await runSalesLoad({
      consignmentUrl: stack.urls.consignment,
      venues,
      linesPerRequest: 1,
      connections: 4,
      seconds,
      ratePerSecond: saleRate,
      tag: `A${adapter[0]}`,
    });
    const saleCpu = cpu();
    cpu = startCpuMeter();
    const gets = await autocannon({
      url: `${stack.urls.consignment}/sales?limit=20`,
      connections: 4,
      duration: seconds,
      overallRate: getRate,
      headers: { authorization: venues[0].token },
    });
    const getCpu = cpu();
    const non2xx = gets.non2xx;
    return {
      adapter,
      sale: {
        requests: sales.requests,
        failed: sales.failed,
        p99: sales.latencyMs.p99,
        cpuMsPerRequest: (1000 * saleCpu.consignment) / sales.requests,
      },
      get: {
        requests: gets.requests.total,
        non2xx,
        p99: gets.latency.p99,
        cpuMsPerRequest: (1000 * getCpu.consignment) / gets.requests.total,
      },
    };
  } finally {
    await stack.stop();
  }
}

async function main() {
  await trustDevTokens();
  const results = [];
  console.log(`consignment CPU per request, ${seconds} s per load, sales at ${saleRate}/s, GET /sales?limit=20 at ${getRate}/s`);
  for (const adapter of adapters) {
    const r = await measure(adapter);
    results.push(r);
    console.log(
      `${r.adapter.padEnd(8)} POST /sales ${r.sale.cpuMsPerRequest.toFixed(2)} ms CPU (${r.sale.requests} requests, ${r.sale.failed} failed, p99 ${r.sale.p99} ms)` +
        `   GET /sales ${r.get.cpuMsPerRequest.toFixed(2)} ms CPU (${r.get.requests} requests, ${r.get.non2xx} not 2xx, p99 ${r.get.p99} ms)`,
    );
  }
  const [express, fastify] = results;
  if (!fastify) return;
  const cut = (a: number, b: number) => `${((100 * (a - b)) / a).toFixed(1)} %`;
  console.log(
    `Fastify cuts CPU per request by ${cut(express.sale.cpuMsPerRequest, fastify.sale.cpuMsPerRequest)} (sale), ${cut(express.get.cpuMsPerRequest, fastify.get.cpuMsPerRequest)} (GET)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
