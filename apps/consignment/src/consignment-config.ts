import { Transform, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { PlatformConfig } from '@titipan/platform';

/** Consignment's own settings on top of the platform's. */
export class ConsignmentConfig extends PlatformConfig {
  /** Lots expiring within this many days are flagged so they can be pulled back. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  NEAR_EXPIRY_DAYS = 30;

  /**
   * The console's origin as people's browsers reach it: the printed documents' QR codes open
   * `<CONSOLE_PUBLIC_URL>/dokumen/<kind>/<id>`. The default is the local console of `npm start`.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value))
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'must be an origin such as https://console.example.go.id (no path)' })
  CONSOLE_PUBLIC_URL = 'http://localhost:3000';
}
