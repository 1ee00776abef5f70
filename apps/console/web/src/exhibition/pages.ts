// The exhibition pages, one chunk fetched when a person first opens one (routes.ts).
export { ExhibitionsPage, UptExhibitionsPage } from './exhibitions-page';
export { ExhibitionReportPage } from './exhibition-report-page';
