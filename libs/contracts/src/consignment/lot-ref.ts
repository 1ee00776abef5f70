import { IsUUID, Matches } from 'class-validator';
import { DATE_PATTERN, LOT_CODE_PATTERN } from './consignment-fields';

/** Which units a line is about: a lot of a product, with the lot's expiry date. */
export class LotRefV1 {
  @IsUUID()
  productId: string;

  @Matches(LOT_CODE_PATTERN)
  lotCode: string;

  @Matches(DATE_PATTERN)
  expiryDate: string;
}
