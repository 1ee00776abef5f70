import { LOCAL } from '../../tools/local-settings';

/** Everything a test run creates is named after the run, so runs never see each other's leftovers. */
export const TEST_RUN = process.env.TITIPAN_TEST_RUN ?? 'adhoc';
export const ADMIN_URL = LOCAL.adminUrl;
export const BROKERS = (process.env.KAFKA_BROKERS ?? LOCAL.brokers).split(',');
export const databasePrefix = (run = TEST_RUN) => `titipan_t_${run}_`;
export const topicPrefix = (run = TEST_RUN) => `t${run}.`;
