import { WHOLE as KERNEL_WHOLE } from '@titipan/kernel';
import { ROLLUP_DIMENSIONS } from '../../apps/console/web/src/dashboard/drill-down';
import { SHARE_NAMES, WHOLE } from '../../apps/console/web/src/dashboard/policy';
import { AGE_BUCKETS } from '../../apps/console/web/src/dashboard/report-series';
import {
  AGE_BUCKETS as REPORT_AGE_BUCKETS,
  ROLLUP_DIMENSIONS as REPORT_DIMENSIONS,
} from '../../apps/reporting/src/report/domain/report-rows';
import { SHARE_NAMES as REPORT_SHARE_NAMES } from '../../apps/reporting/src/split-policy/domain/split-policy';

/** The dashboard copies reporting's names (the single-page app cannot load the service's code): they must stay equal. */
describe("the dashboard's copies of reporting's constants", () => {
  it('groups the rollup, ages unpaid statements and names split shares as reporting does', () => {
    expect(ROLLUP_DIMENSIONS).toEqual(REPORT_DIMENSIONS);
    expect(AGE_BUCKETS).toEqual(REPORT_AGE_BUCKETS);
    expect(SHARE_NAMES).toEqual(REPORT_SHARE_NAMES);
    expect(WHOLE).toBe(KERNEL_WHOLE);
  });
});
