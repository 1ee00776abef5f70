import { DirectoryTables1700000000100 } from '@titipan/platform';
import { Statements1700000007000 } from './1700000007000-statements';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const REPORTING_MIGRATIONS = [DirectoryTables1700000000100, Statements1700000007000];
