import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ORG_CODE_PATTERN } from '../catalog/product-fields';
import { defineEvent } from '../event-definition';
import {
  DATE_PATTERN,
  INDONESIAN_TIME_ZONES,
  MAX_COMMISSION_BP,
  MAX_DISCOUNT_BP,
  SHRINKAGE_LIABILITIES,
  VENUE_TYPES,
  type ShrinkageLiability,
  type VenueType,
} from './consignment-fields';

/** A partner venue (lounge, gallery, exhibition booth) was registered. Keyed by venue code. */
export class VenueRegisteredV1 {
  @Matches(ORG_CODE_PATTERN)
  code: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsString()
  @Length(1, 200)
  partnerAgency: string;

  @IsIn(VENUE_TYPES)
  type: VenueType;

  @Matches(ORG_CODE_PATTERN)
  kanwilCode: string;

  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone: string;

  @IsBoolean()
  collectiveOutlet: boolean;
}
export const VenueRegistered = defineEvent({
  type: 'consignment.venue.registered',
  version: 1,
  stream: 'consignment',
  payload: VenueRegisteredV1,
  subject: (d) => d.code,
  partitionKey: (d) => d.code,
});

/** Most days after an exhibition's last day for the goods to go back and the event to settle. */
export const MAX_RETURN_WINDOW_DAYS = 90;

/** The days an agreement settles as one event period (an exhibition), and the days after it for returns. */
export class EventPeriodV1 {
  /** First day of the event, venue calendar (inclusive). */
  @Matches(DATE_PATTERN)
  first: string;

  /** Last day of the event, venue calendar (inclusive). */
  @Matches(DATE_PATTERN)
  last: string;

  /** Days after the last day until the automatic close, and until the agreement ends. */
  @IsInt()
  @Min(0)
  @Max(MAX_RETURN_WINDOW_DAYS)
  returnWindowDays: number;
}

/** An agreement (perjanjian konsinyasi) between one UPT and one venue took effect. */
export class AgreementActivatedV1 {
  @IsUUID()
  agreementId: string;

  @Matches(ORG_CODE_PATTERN)
  uptCode: string;

  @Matches(ORG_CODE_PATTERN)
  venueCode: string;

  /** Venue commission in basis points of net sales (0 is normal for a government lounge). */
  @IsInt()
  @Min(0)
  @Max(MAX_COMMISSION_BP)
  commissionBp: number;

  @Matches(DATE_PATTERN)
  validFrom: string;

  @IsOptional()
  @Matches(DATE_PATTERN)
  validTo: string | null;

  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone: string;

  /** The largest discount below the list price a sale may have, basis points; absent in events before it existed: 0. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DISCOUNT_BP)
  maxDiscountBp: number = 0;

  /** Who bears units a stock count finds missing; absent in events before it existed: VENUE, the default of every agreement. */
  @IsOptional()
  @IsIn(SHRINKAGE_LIABILITIES)
  shrinkageLiability: ShrinkageLiability = 'VENUE';

  /** Set for an exhibition's agreements: they settle per event period (decision 0029); absent: monthly periods. */
  @IsOptional()
  // an object, not an array: ValidateNested alone lets [] through, which the ajv reader refuses
  @IsObject()
  @ValidateNested()
  @Type(() => EventPeriodV1)
  eventPeriod?: EventPeriodV1;

  /** The exhibition the agreement was made for, if any. */
  @IsOptional()
  @IsUUID()
  exhibitionId?: string;
}
export const AgreementActivated = defineEvent({
  type: 'consignment.agreement.activated',
  version: 1,
  stream: 'consignment',
  payload: AgreementActivatedV1,
  subject: (d) => d.agreementId,
  partitionKey: (d) => d.agreementId,
});

export class AgreementTerminatedV1 {
  @IsUUID()
  agreementId: string;

  @IsString()
  @Length(1, 1000)
  reason: string;
}
export const AgreementTerminated = defineEvent({
  type: 'consignment.agreement.terminated',
  version: 1,
  stream: 'consignment',
  payload: AgreementTerminatedV1,
  subject: (d) => d.agreementId,
  partitionKey: (d) => d.agreementId,
});
