import { addDays } from '@titipan/contracts';
import { localDate } from '@titipan/kernel';
import type { ApiClient, Caller } from './api-client';

/** The UPTs of Kanwil Banten that take a booth at the demo's PIPAS Banten (docs/reference-data.md). */
export const EXHIBITION_UPTS = ['LP-TGR-1', 'LPP-TGR', 'LP-SRG'];
const ZONE = 'Asia/Jakarta';

export interface DemoExhibition {
  exhibitionId: string;
  venueCode: string;
  period: string;
  /** Each UPT's statement of the event period, sorted by UPT. */
  statements: any[];
  report: any;
}

/**
 * A PIPAS Banten edition after the lounge's month: three days, the last the day before yesterday (WIB), a return
 * window open until tomorrow (so the hourly automatic close cannot overtake the demo's own), three Banten UPTs. Set up by the ministry for Kanwil Banten in one call; each UPT sends goods, the
 * booth sells on each day, the unsold goods go back on the system's proposal, and the booth closes the event
 * period. Safe to run again on the same day: a closed event is not run twice.
 */
export async function runExhibition(args: {
  catalog: ApiClient;
  consignment: ApiClient;
  reporting: ApiClient;
  admin: Caller;
  organiser: Caller;
  reader: Caller;
  person: (role: 'upt' | 'venue', scope: string) => Promise<Caller>;
  log: (line: string) => void;
}): Promise<DemoExhibition> {
  const { catalog, consignment, reporting, admin, organiser, reader, person, log } = args;
  const today = localDate(new Date(), ZONE);
  const [first, last] = [addDays(today, -4), addDays(today, -2)];
  const period = `${first}..${last}`;
  const venueCode = `PIPAS-BTN-${first.slice(2).replace(/-/g, '')}`;
  const exhibition = await consignment.expect([201], 'POST', '/exhibitions', organiser, {
    code: venueCode,
    name: `PIPAS Banten ${first.slice(0, 4)}`,
    series: 'PIPAS Banten',
    edition: first,
    kanwilCode: 'KW-BANTEN',
    location: 'Alun-alun Kota Serang',
    timeZone: ZONE,
    first,
    last,
    returnWindowDays: 3,
    commissionBp: 1_000,
    maxDiscountBp: 500,
    uptCodes: EXHIBITION_UPTS,
  });
  log(`   ${exhibition.name} (${venueCode}), ${period}: ${exhibition.agreements.length} agreements at 10 % commission`);
  const booth = await person('venue', venueCode);
  const at = (day: string, time: string) => new Date(`${day}T${time}+07:00`).toISOString();

  for (const agreement of exhibition.agreements as { id: string; uptCode: string }[]) {
    const closed = (await consignment.expect([200], 'GET', `/agreements/${agreement.id}/periods`, admin)).items.some(
      (p: any) => p.period === period,
    );
    if (closed) {
      log(`   ${agreement.uptCode}: ${period} already closed, nothing to repeat`);
      continue;
    }
    const upt = await person('upt', agreement.uptCode);
    const [product] = (
      await catalog.expect([200], 'GET', `/products?upt=${agreement.uptCode}&status=APPROVED&limit=200`, admin)
    ).items.filter((p: any) => p.consignable);
    const dispatch = await consignment.expect([201], 'POST', '/dispatches', upt, {
      agreementId: agreement.id,
      dispatchedAt: at(first, '06:00:00'),
      lines: [
        { productId: product.id, lotCode: `PIPAS-${first.slice(2).replace(/-/g, '')}`, expiryDate: addDays(today, 90), quantity: 20 },
      ],
    });
    await consignment.expect([201], 'POST', `/dispatches/${dispatch.id}/receipt`, booth, {
      receivedAt: at(first, '07:00:00'),
      lines: [{ lineNo: 1, accepted: 20, damaged: 0, short: 0 }],
    });
    // a sale each day; the last at 23:59 on the last day, still in the event
    const receipt = (n: number) => `${venueCode}-${agreement.uptCode}-${n}`;
    const sold = await consignment.expect([201], 'POST', '/sales/batches', booth, {
      lines: [
        { receiptNo: receipt(1), lineNo: 1, productId: product.id, quantity: 4, soldAt: at(first, '10:00:00') },
        { receiptNo: receipt(2), lineNo: 1, productId: product.id, quantity: 3, soldAt: at(addDays(first, 1), '14:30:00') },
        { receiptNo: receipt(3), lineNo: 1, productId: product.id, quantity: 2, soldAt: at(last, '23:59:00') },
      ],
    });
    log(`   ${agreement.uptCode}: 20 × ${product.sku} received, ${sold.accepted} sales over three days`);
  }

  const proposed = await consignment.expect([200], 'GET', `/exhibitions/${exhibition.id}/proposed-returns`, booth);
  for (const p of proposed.items.filter((x: any) => x.status === 'PROPOSED')) {
    await consignment.expect([200], 'POST', `/proposed-returns/${p.id}/confirm`, booth);
    log(`   ${p.uptCode}: ${p.lines.reduce((s: number, l: any) => s + l.quantity, 0)} unsold units returned on the system's proposal`);
  }
  for (const agreement of exhibition.agreements as { id: string; uptCode: string }[]) {
    const close = await consignment.call('POST', `/agreements/${agreement.id}/periods/${period}/close`, booth);
    if (close.status === 200) log(`   ${agreement.uptCode}: ${period} closed, ${close.body.controlTotals.saleLines} sale lines`);
  }

  const statements = await waitForStatements(reporting, reader, period, venueCode, EXHIBITION_UPTS.length);
  const report = await reporting.expect([200], 'GET', `/reports/exhibitions/${exhibition.id}`, reader);
  return { exhibitionId: exhibition.id, venueCode, period, statements, report };
}

/** The statements of a period at a venue, once there are `count` and none is pending (a minute at most). */
export async function waitForStatements(
  reporting: ApiClient,
  reader: Caller,
  period: string,
  venue: string,
  count: number,
): Promise<any[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { items } = await reporting.expect([200], 'GET', `/statements?period=${period}&venue=${venue}&limit=200`, reader);
    if (items.length >= count && items.every((s: any) => s.status !== 'PENDING'))
      return items.sort((a: any, b: any) => a.uptCode.localeCompare(b.uptCode));
    if (Date.now() > deadline)
      throw new Error(
        `statements of ${period} at ${venue} not issued in a minute: ${JSON.stringify(items.map((s: any) => [s.uptCode, s.status, s.mismatches]))}`,
      );
    await new Promise((r) => setTimeout(r, 300));
  }
}
