import { Organisation1700000001000 } from './1700000001000-organisation';
import { Products1700000002000 } from './1700000002000-products';
import { ReviewDecidedOn1700000014200 } from './1700000014200-review-decided-on';
import { ProductAttachments1700000016100 } from './1700000016100-product-attachments';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const CATALOG_MIGRATIONS = [
  Organisation1700000001000,
  Products1700000002000,
  ReviewDecidedOn1700000014200,
  ProductAttachments1700000016100,
];
