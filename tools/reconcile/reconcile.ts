import { ApiClient, caller } from '../demo/api-client';

export interface Difference {
  agreementId: string;
  period?: string;
  what: string;
  ledger: unknown;
  reporting: unknown;
}

/**
 * Compares, through the services' own APIs, the consignment ledger with what reporting built from the
 * events: per agreement and month the control totals (movement counts, quantities and amounts by kind,
 * receipts, short units, sale lines), and per agreement the stock on hand by lot.
 */
export interface ReconcileResult {
  agreements: number;
  periods: number;
  /** Sale lines in the ledger and in reporting, over every agreement and month compared. */
  saleLines: { ledger: number; reporting: number };
  differences: Difference[];
}

export async function reconcile(urls: { consignment: string; reporting: string }): Promise<ReconcileResult> {
  const consignment = new ApiClient('consignment', urls.consignment);
  const reporting = new ApiClient('reporting', urls.reporting);
  const admin = caller('admin');
  const differences: Difference[] = [];
  const saleLines = { ledger: 0, reporting: 0 };
  let periods = 0;
  const agreements: { id: string }[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await consignment.expect([200], 'GET', `/agreements?limit=200&offset=${offset}`, admin);
    agreements.push(...page.items);
    if (agreements.length >= page.total) break;
  }
  for (const { id } of agreements) {
    const ledger: { period: string; controlTotals: any }[] = await consignment.expect(
      [200],
      'GET',
      `/agreements/${id}/periods/ledger-totals`,
      admin,
    );
    for (const { period, controlTotals } of ledger) {
      periods++;
      const statement = await reporting.call('GET', `/agreements/${id}/periods/${period}/statement`, admin);
      const mine = statement.status === 200 ? statement.body.figures.controlTotals : undefined;
      if (!mine) {
        differences.push({
          agreementId: id,
          period,
          what: 'reporting does not know the agreement',
          ledger: controlTotals,
          reporting: statement.body,
        });
        continue;
      }
      saleLines.ledger += controlTotals.saleLines;
      saleLines.reporting += mine.saleLines;
      for (const kind of new Set([...controlTotals.movements, ...mine.movements].map((m: any) => m.kind))) {
        const a = controlTotals.movements.find((m: any) => m.kind === kind) ?? { count: 0, quantity: 0, amount: 0 };
        const b = mine.movements.find((m: any) => m.kind === kind) ?? { count: 0, quantity: 0, amount: 0 };
        for (const field of ['count', 'quantity', 'amount']) {
          if (a[field] !== b[field])
            differences.push({ agreementId: id, period, what: `${kind} ${field}`, ledger: a[field], reporting: b[field] });
        }
      }
      for (const field of ['receipts', 'shortQuantity', 'saleLines']) {
        if (controlTotals[field] !== mine[field])
          differences.push({ agreementId: id, period, what: field, ledger: controlTotals[field], reporting: mine[field] });
      }
    }
    const ledgerStock = new Map<string, number>();
    for (let offset = 0; ; offset += 200) {
      const page = await consignment.expect([200], 'GET', `/stock?agreement=${id}&limit=200&offset=${offset}`, admin);
      for (const row of page.items)
        ledgerStock.set(`${row.sku}/${row.lotCode}`, (ledgerStock.get(`${row.sku}/${row.lotCode}`) ?? 0) + row.quantity);
      if (offset + 200 >= page.total) break;
    }
    const projected = new Map<string, number>();
    for (const row of (await reporting.expect([200], 'GET', `/reports/stock?agreement=${id}`, admin)).rows)
      projected.set(`${row.sku}/${row.lotCode}`, row.quantity);
    for (const key of new Set([...ledgerStock.keys(), ...projected.keys()])) {
      if ((ledgerStock.get(key) ?? 0) !== (projected.get(key) ?? 0)) {
        differences.push({
          agreementId: id,
          what: `stock on hand ${key}`,
          ledger: ledgerStock.get(key) ?? 0,
          reporting: projected.get(key) ?? 0,
        });
      }
    }
  }
  return { agreements: agreements.length, periods, saleLines, differences };
}

if (require.main === module) {
  const port = (name: string, fallback: number) => process.env[`${name}_PORT`] ?? fallback;
  reconcile({ consignment: `http://127.0.0.1:${port('CONSIGNMENT', 3002)}`, reporting: `http://127.0.0.1:${port('REPORTING', 3003)}` })
    .then(({ agreements, periods, differences }) => {
      for (const d of differences)
        console.log(
          `${d.agreementId} ${d.period ?? ''} ${d.what}: ledger ${JSON.stringify(d.ledger)}, reporting ${JSON.stringify(d.reporting)}`,
        );
      console.log(`${agreements} agreements, ${periods} agreement-months compared: ${differences.length} difference(s)`);
      process.exit(differences.length > 0 ? 1 : 0);
    })
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(2);
    });
}
