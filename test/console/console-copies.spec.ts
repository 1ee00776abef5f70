import {
  MAX_PRICE_RUPIAH as CONTRACT_MAX_PRICE_RUPIAH,
  PRODUCT_CATEGORIES as CONTRACT_PRODUCT_CATEGORIES,
  PRODUCT_STATUSES as CONTRACT_PRODUCT_STATUSES,
  SKU_PATTERN as CONTRACT_SKU_PATTERN,
  MAX_LINE_QUANTITY as CONTRACT_MAX_LINE_QUANTITY,
  MAX_LINES_PER_EVENT,
  NO_EXPIRY,
  RETURN_REASONS as CONTRACT_RETURN_REASONS,
  eventPeriod,
  nextDay as contractNextDay,
  parsePeriod,
  periodEnd,
} from '@titipan/contracts';
import { MAX_LINE_QUANTITY } from '../../apps/console/web/src/customer-return-form';
import { closesFrom, eventDaysOf, eventPeriodOf, hasEnded, nextDay } from '../../apps/console/web/src/month-end';
import { NO_EXPIRY as CONSOLE_NO_EXPIRY } from '../../apps/console/web/src/format';
import { UPLOAD_LINES_PER_REQUEST } from '../../apps/console/web/src/sales-upload';
import { MAX_COUNT_LINES } from '../../apps/console/web/src/stock-count-form';
import { MAX_RETURN_LINES, RETURN_REASONS } from '../../apps/console/web/src/upt-return-form';
import { MAX_SALE_LINES_PER_BATCH } from '../../apps/consignment/src/sale/sale.dto';
import { PHOTO_TYPES as CATALOG_PHOTO_TYPES } from '../../apps/catalog/src/product-attachment/domain/content-type';
import {
  MAX_FILENAME_LENGTH as CATALOG_MAX_FILENAME_LENGTH,
  SIZE_LIMITS,
} from '../../apps/catalog/src/product-attachment/domain/upload-rules';
import {
  CERTIFICATE_KINDS as CATALOG_CERTIFICATE_KINDS,
  CERTIFICATE_NUMBER_FORMAT as CATALOG_CERTIFICATE_NUMBER_FORMAT,
} from '../../apps/catalog/src/product/domain/certificates';
import { ALWAYS_EDITABLE_FIELDS as CATALOG_ALWAYS_EDITABLE_FIELDS } from '../../apps/catalog/src/product/domain/product-lifecycle';
import {
  ALWAYS_EDITABLE_FIELDS,
  CERTIFICATE_KINDS,
  CERTIFICATE_NUMBER_FORMAT,
  MAX_PRICE_RUPIAH,
  PRODUCT_CATEGORIES,
  PRODUCT_STATUSES,
  SKU_PATTERN,
} from '../../apps/console/web/src/product/product-fields';
import {
  CERTIFICATE_TYPES,
  MAX_FILENAME_LENGTH,
  MAX_IMAGE_BYTES,
  MAX_PDF_BYTES,
  PHOTO_TYPES,
} from '../../apps/console/web/src/upt/attachment-upload';

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
  it("knows the catalog's product vocabulary, certificate number formats and what may change past DRAFT", () => {
    expect(PRODUCT_CATEGORIES).toEqual(CONTRACT_PRODUCT_CATEGORIES);
    expect(PRODUCT_STATUSES).toEqual(CONTRACT_PRODUCT_STATUSES);
    expect(SKU_PATTERN.source).toBe(CONTRACT_SKU_PATTERN.source);
    expect(MAX_PRICE_RUPIAH).toBe(CONTRACT_MAX_PRICE_RUPIAH);
    expect(CERTIFICATE_KINDS).toEqual(CATALOG_CERTIFICATE_KINDS);
    for (const kind of CERTIFICATE_KINDS)
      expect(CERTIFICATE_NUMBER_FORMAT[kind].source).toBe(CATALOG_CERTIFICATE_NUMBER_FORMAT[kind].source);
    expect(ALWAYS_EDITABLE_FIELDS).toEqual(CATALOG_ALWAYS_EDITABLE_FIELDS);
  });
  it("checks uploads with the catalog's attachment types, sizes and file name length", () => {
    expect(PHOTO_TYPES).toEqual(CATALOG_PHOTO_TYPES);
    for (const type of PHOTO_TYPES) expect(SIZE_LIMITS.photo[type]).toBe(MAX_IMAGE_BYTES);
    expect(Object.keys(SIZE_LIMITS.certificate).sort()).toEqual([...CERTIFICATE_TYPES].sort());
    expect(SIZE_LIMITS.certificate['application/pdf']).toBe(MAX_PDF_BYTES);
    expect(MAX_FILENAME_LENGTH).toBe(CATALOG_MAX_FILENAME_LENGTH);
  });
  it("reads periods as consignment does: an event period's days, and the instant a month or an event period has ended (PERIOD_NOT_ENDED)", () => {
    const periods = ['2026-11', '2026-12', '2026-02', '2026-11-27..2026-11-29', '2026-12-31..2027-01-02', '2028-02-28..2028-02-29'];
    for (const period of periods) {
      const parsed = parsePeriod(period);
      expect(eventDaysOf(period)).toEqual(parsed.kind === 'event' ? { first: parsed.first, last: parsed.last } : undefined);
      if (parsed.kind === 'event') expect(eventPeriodOf(parsed)).toBe(eventPeriod(parsed));
      for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
        const end = periodEnd(period, zone).getTime();
        // consignment closes from periodEnd on: the console says "ended" from exactly that instant, not a minute before
        for (const at of [end - 60_000, end - 1, end, end + 60_000]) expect(hasEnded(period, new Date(at), zone)).toBe(at >= end);
      }
    }
    for (const day of ['2026-02-28', '2028-02-28', '2026-12-31']) expect(nextDay(day)).toBe(contractNextDay(day));
    expect(closesFrom('2026-11-27..2026-11-29')).toBe(contractNextDay('2026-11-29'));
  });
});
