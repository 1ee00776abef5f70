import { DirectoryTables1700000000100 } from '@titipan/directory';
import { NotificationTables1700000019000 } from './1700000019000-notification-tables';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const NOTIFICATION_MIGRATIONS = [DirectoryTables1700000000100, NotificationTables1700000019000];
