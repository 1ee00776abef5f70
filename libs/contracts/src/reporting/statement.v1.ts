import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { PERIOD_FORMAT } from '../consignment/period-format';
import { defineEvent, type EventDefinition } from '../event-definition';

/** Statement events are keyed by agreement, like the movements they settle. */
function statementEvent<T extends { agreementId: string; statementId: string }>(type: string, payload: new () => T): EventDefinition<T> {
  return defineEvent<T>({
    type,
    version: 1,
    stream: 'reporting',
    payload,
    subject: (d) => d.statementId,
    partitionKey: (d) => d.agreementId,
  });
}

class StatementRef {
  @IsUUID()
  statementId: string;

  @IsUUID()
  agreementId: string;

  @Matches(PERIOD_FORMAT)
  period: string;
}

/** A settlement statement for one agreement and month was issued: its figures matched the control totals. */
export class StatementIssuedV1 extends StatementRef {
  @IsISO8601({ strict: true })
  issuedAt: string;

  /** Net sales less venue commission: what the venue owes the UPT, whole rupiah (negative if returns exceeded sales). */
  @IsInt()
  proceeds: number;

  /** SHA-256 over the ordered source event ids and the figures, hex. */
  @Matches(/^[0-9a-f]{64}$/)
  digest: string;
}
export const StatementIssued = statementEvent('reporting.statement.issued', StatementIssuedV1);

/** The venue paid the statement's proceeds to the UPT. */
export class StatementPaidV1 extends StatementRef {
  @IsInt()
  @Min(0)
  amount: number;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  paidOn: string;

  @IsString()
  @Length(1, 100)
  transferReference: string;
}
export const StatementPaid = statementEvent('reporting.statement.paid', StatementPaidV1);

/** The UPT deposited the PNBP share to the state through SIMPONI. */
export class StatementDepositedV1 extends StatementRef {
  @IsInt()
  @Min(0)
  pnbpAmount: number;

  @Matches(/^\d{15}$/)
  simponiBillingCode: string;

  @IsString()
  @Length(16, 16)
  ntpn: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  depositedOn: string;
}
export const StatementDeposited = statementEvent('reporting.statement.deposited', StatementDepositedV1);
