import { Organisation1700000001000 } from './1700000001000-organisation';
import { Products1700000002000 } from './1700000002000-products';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const CATALOG_MIGRATIONS = [Organisation1700000001000, Products1700000002000];
