import { DirectoryTables1700000000100 } from '@titipan/platform';
import { Consignment1700000003000 } from './1700000003000-consignment';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const CONSIGNMENT_MIGRATIONS = [DirectoryTables1700000000100, Consignment1700000003000];
