import { buildEvent, EventReader, parseEventWithClassValidator, SalesRecorded, type SaleLineV1 } from '@titipan/contracts';
import { newId } from '@titipan/kernel';

/**
 * CPU to read one event as a consumer does (JSON parse, envelope and payload validation, unknown fields dropped):
 * the former class-transformer + class-validator path against the ajv validators compiled from the same contracts.
 * No I/O; run it on a quiet machine (under the heavy lock when shared).
 *   npx ts-node bench/event-parse.ts [iterations]
 */
function sale(lines: number): Buffer {
  const soldAt = new Date().toISOString();
  const event = buildEvent(
    SalesRecorded,
    {
      agreementId: newId(),
      batchId: newId(),
      venueCode: 'IMI-TGR-LOUNGE',
      uptCode: 'LP-TGR-1',
      lines: Array.from({ length: lines }, (_, i): SaleLineV1 => ({
        receiptNo: `R-${i}`,
        lineNo: i + 1,
        productId: newId(),
        lotCode: 'LOT-2026-01',
        quantity: 2,
        unitPrice: 45_000,
        listPrice: 45_000,
        amount: 90_000,
        soldAt,
        period: soldAt.slice(0, 7),
      })),
    },
    { source: 'consignment', actor: { id: 'venue-1', role: 'venue', scope: 'IMI-TGR-LOUNGE' }, correlationId: 'bench' },
  );
  return Buffer.from(JSON.stringify(event));
}

function microsPerEvent(read: (value: Buffer) => { kind: string }, value: Buffer, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 2000); i++) read(value); // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) if (read(value).kind !== 'ok') throw new Error('the bench event must be valid');
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

const iterations = Number(process.argv[2] ?? 20_000);
const reader = new EventReader();
console.log('lines  class-validator µs/event  ajv µs/event  ratio');
for (const lines of [1, 10, 100]) {
  const value = sale(lines);
  const n = Math.max(200, Math.round(iterations / lines));
  const before = microsPerEvent((v) => parseEventWithClassValidator(v), value, n);
  const after = microsPerEvent((v) => reader.read(v), value, n);
  console.log(
    `${String(lines).padStart(5)}  ${before.toFixed(1).padStart(24)}  ${after.toFixed(1).padStart(12)}  ${(before / after).toFixed(1)}x`,
  );
}
