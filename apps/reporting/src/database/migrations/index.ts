import { DirectoryTables1700000000100 } from '@titipan/platform';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const REPORTING_MIGRATIONS = [DirectoryTables1700000000100];
