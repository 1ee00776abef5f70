// The curator's pages, one chunk fetched when a curator first opens one (routes.ts).
export { KanwilProductsPage, QueuePage } from './queue-page';
export { ReviewPage } from './review-page';
