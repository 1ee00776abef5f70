import { LOT_CODE_PATTERN as CONTRACT_LOT_CODE, MAX_LINE_QUANTITY, MAX_LINES_PER_EVENT } from '@titipan/contracts';
import {
  NTPN as REPORTING_NTPN,
  SIMPONI_BILLING_CODE as REPORTING_BILLING_CODE,
} from '../../apps/reporting/src/statement/domain/settlement-rules';
import { LOT_CODE_PATTERN, MAX_DISPATCH_LINES, MAX_DISPATCH_QUANTITY } from '../../apps/console/web/src/upt/dispatch-form';
import { NTPN, SIMPONI_BILLING_CODE } from '../../apps/console/web/src/upt/settlement';

/** The UPT pages check what the services check, with copies of their patterns (the app cannot load the services' code). */
describe("the UPT pages' copies of the services' rules", () => {
  it("checks dispatch lines by consignment's lot code pattern and limits", () => {
    expect(LOT_CODE_PATTERN.source).toBe(CONTRACT_LOT_CODE.source);
    expect(MAX_DISPATCH_QUANTITY).toBe(MAX_LINE_QUANTITY);
    expect(MAX_DISPATCH_LINES).toBe(MAX_LINES_PER_EVENT);
  });
  it("checks a PNBP deposit by reporting's SIMPONI billing code and NTPN patterns", () => {
    expect(SIMPONI_BILLING_CODE.source).toBe(REPORTING_BILLING_CODE.source);
    expect(NTPN.source).toBe(REPORTING_NTPN.source);
  });
});
