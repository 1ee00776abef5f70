import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PlatformConfig } from '@titipan/platform';

/** Consignment's own settings on top of the platform's. */
export class ConsignmentConfig extends PlatformConfig {
  /** Lots expiring within this many days are flagged so they can be pulled back. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  NEAR_EXPIRY_DAYS = 30;
}
