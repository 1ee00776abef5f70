import { NO_EXPIRY } from '@titipan/contracts';
import { NO_EXPIRY as CONSOLE_NO_EXPIRY } from '../../apps/console/web/src/format';

/** The single-page app cannot load libs/contracts (decorators, class-validator); what it copies must stay equal. */
describe("the console's copies of the services' constants", () => {
  it("knows consignment's stand-in expiry for a lot without one", () => {
    expect(CONSOLE_NO_EXPIRY).toBe(NO_EXPIRY);
  });
});
