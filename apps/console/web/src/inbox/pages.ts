export { InboxPage } from './inbox-page';
export { PreferencesPage } from './preferences-page';
