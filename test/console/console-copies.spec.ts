import {
  MAX_LINE_QUANTITY as CONTRACT_MAX_LINE_QUANTITY,
  MAX_LINES_PER_EVENT,
  NO_EXPIRY,
  RETURN_REASONS as CONTRACT_RETURN_REASONS,
} from '@titipan/contracts';
import { MAX_LINE_QUANTITY } from '../../apps/console/web/src/customer-return-form';
import { NO_EXPIRY as CONSOLE_NO_EXPIRY } from '../../apps/console/web/src/format';
import { UPLOAD_LINES_PER_REQUEST } from '../../apps/console/web/src/sales-upload';
import { MAX_COUNT_LINES } from '../../apps/console/web/src/stock-count-form';
import { MAX_RETURN_LINES, RETURN_REASONS } from '../../apps/console/web/src/upt-return-form';
import { MAX_SALE_LINES_PER_BATCH } from '../../apps/consignment/src/sale/sale.dto';

/** The single-page app cannot load libs/contracts (decorators, class-validator); what it copies must stay equal. */
describe("the console's copies of the services' constants", () => {
  it("knows consignment's stand-in expiry for a lot without one", () => {
    expect(CONSOLE_NO_EXPIRY).toBe(NO_EXPIRY);
  });
  it("sends uploads within the sales batch limit and counts within a stock count's line limit", () => {
    expect(UPLOAD_LINES_PER_REQUEST).toBeLessThanOrEqual(MAX_SALE_LINES_PER_BATCH);
    expect(MAX_COUNT_LINES).toBe(MAX_LINES_PER_EVENT);
  });
  it('offers the return reasons consignment takes, within its line limits', () => {
    expect(RETURN_REASONS).toEqual(CONTRACT_RETURN_REASONS);
    expect(MAX_RETURN_LINES).toBe(MAX_LINES_PER_EVENT);
    expect(MAX_LINE_QUANTITY).toBe(CONTRACT_MAX_LINE_QUANTITY);
  });
});
