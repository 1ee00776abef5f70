import { DirectoryTables1700000000100 } from '@titipan/directory';
import { Consignment1700000003000 } from './1700000003000-consignment';
import { AfterSale1700000004000 } from './1700000004000-after-sale';
import { NearExpiry1700000005000 } from './1700000005000-near-expiry';
import { SettlementStatus1700000006000 } from './1700000006000-settlement-status';
import { MoneyControls1700000014000 } from './1700000014000-money-controls';
import { Exhibitions1700000019000 } from './1700000019000-exhibitions';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const CONSIGNMENT_MIGRATIONS = [
  DirectoryTables1700000000100,
  Consignment1700000003000,
  AfterSale1700000004000,
  NearExpiry1700000005000,
  SettlementStatus1700000006000,
  MoneyControls1700000014000,
  Exhibitions1700000019000,
];
