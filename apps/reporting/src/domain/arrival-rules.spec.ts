import { AgreementActivated, type EventEnvelope } from '@titipan/contracts';
import { refusedArrivals } from './arrival-rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const event = (id: string, type: string, data: object) => ({ id, type, version: 1, data }) as unknown as EventEnvelope<unknown>;

describe('arrival rules', () => {
  it('refuses a sale and a period close for an agreement never activated, and nothing else', () => {
    const refused = refusedArrivals(
      [
        event('e1', 'consignment.sales.recorded', { agreementId: B }),
        event('e2', 'consignment.period.closed', { agreementId: B }),
        event('e3', 'consignment.receipt.confirmed', { agreementId: B }),
        event('e4', 'consignment.sales.recorded', { agreementId: A }),
      ],
      (id) => id === A,
    );
    expect(refused.map((r) => [r.eventId, r.code])).toEqual([
      ['e1', 'AGREEMENT_NOT_ACTIVATED'],
      ['e2', 'AGREEMENT_NOT_ACTIVATED'],
    ]);
    expect(refused[0].message).toContain(`names agreement ${B}, which reporting has never seen activated`);
  });

  it('counts an activation earlier in the same batch, not a later one', () => {
    const refused = refusedArrivals(
      [
        event('e1', 'consignment.sales.recorded', { agreementId: B }),
        event('e2', AgreementActivated.type, { agreementId: B }),
        event('e3', 'consignment.sale.reversed', { agreementId: B }),
      ],
      () => false,
    );
    expect(refused.map((r) => r.eventId)).toEqual(['e1']);
  });
});
