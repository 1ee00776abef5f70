import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ORG_CODE_PATTERN } from '../catalog/product-fields';
import { defineEvent } from '../event-definition';
import { DATE_PATTERN, INDONESIAN_TIME_ZONES } from './consignment-fields';
import { MAX_RETURN_WINDOW_DAYS } from './venue-agreement.v1';

/** The organiser code of an exhibition the ministry itself organises (a Kanwil organises under its own code). */
export const MINISTRY_ORGANISER_CODE = 'DITJENPAS';

/** Most UPTs one exhibition may gather. */
export const MAX_EXHIBITION_UPTS = 200;

/**
 * An exhibition was set up: its venue (type `exhibition`) and one agreement per participating UPT, settling as
 * one event period. Keyed by the exhibition's venue code.
 */
export class ExhibitionCreatedV1 {
  @IsUUID()
  exhibitionId: string;

  @Matches(ORG_CODE_PATTERN)
  venueCode: string;

  @IsString()
  @Length(1, 200)
  name: string;

  /** What links the editions of one exhibition, e.g. "PIPAS Banten". */
  @IsString()
  @Length(1, 200)
  series: string;

  /** This edition within the series, e.g. "2026". */
  @IsString()
  @Length(1, 50)
  edition: string;

  /** A Kanwil's code, or MINISTRY_ORGANISER_CODE. */
  @Matches(ORG_CODE_PATTERN)
  organiserCode: string;

  @IsString()
  @Length(1, 300)
  location: string;

  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone: string;

  /** First and last day of the event, venue calendar (inclusive). */
  @Matches(DATE_PATTERN)
  first: string;

  @Matches(DATE_PATTERN)
  last: string;

  @IsInt()
  @Min(0)
  @Max(MAX_RETURN_WINDOW_DAYS)
  returnWindowDays: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EXHIBITION_UPTS)
  @Matches(ORG_CODE_PATTERN, { each: true })
  uptCodes: string[];

  /** One agreement per UPT, in the order of uptCodes. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EXHIBITION_UPTS)
  @IsUUID(undefined, { each: true })
  agreementIds: string[];
}
export const ExhibitionCreated = defineEvent({
  type: 'consignment.exhibition.created',
  version: 1,
  stream: 'consignment',
  payload: ExhibitionCreatedV1,
  subject: (d) => d.exhibitionId,
  partitionKey: (d) => d.venueCode,
});
