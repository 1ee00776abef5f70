import {
  INDONESIAN_TIME_ZONES,
  MAX_COMMISSION_BP,
  MAX_DISCOUNT_BP,
  MAX_EXHIBITION_UPTS,
  MAX_PRICE_RUPIAH,
  MAX_RETURN_WINDOW_DAYS,
  ORG_CODE_PATTERN,
  SCOPED_ROLES,
  SHRINKAGE_LIABILITIES,
  UPT_CLASSES,
  UPT_TYPES,
  VENUE_TYPES,
} from '@titipan/contracts';
import { PERSON_ROLES, USERNAME_PATTERN } from '@titipan/identity';
import * as admin from '../../apps/console/web/src/admin/admin-fields';

/** The admin pages cannot load libs/contracts or libs/identity: what they copy must stay equal. */
describe("the admin pages' copies of the services' vocabulary", () => {
  it('offers the UPT types and classes, venue types and time zones the services take', () => {
    expect(admin.UPT_TYPES).toEqual(UPT_TYPES);
    expect(admin.UPT_CLASSES).toEqual(UPT_CLASSES);
    expect(admin.VENUE_TYPES).toEqual(VENUE_TYPES);
    expect(admin.INDONESIAN_TIME_ZONES).toEqual(INDONESIAN_TIME_ZONES);
    expect(admin.SHRINKAGE_LIABILITIES).toEqual(SHRINKAGE_LIABILITIES);
  });
  it("checks codes, usernames and an agreement's figures by the services' own bounds", () => {
    expect(admin.ORG_CODE_PATTERN.source).toBe(ORG_CODE_PATTERN.source);
    expect(admin.USERNAME_PATTERN.source).toBe(USERNAME_PATTERN.source);
    expect([admin.MAX_COMMISSION_BP, admin.MAX_DISCOUNT_BP, admin.MAX_PRICE_RUPIAH]).toEqual([
      MAX_COMMISSION_BP,
      MAX_DISCOUNT_BP,
      MAX_PRICE_RUPIAH,
    ]);
    expect([admin.MAX_RETURN_WINDOW_DAYS, admin.MAX_EXHIBITION_UPTS]).toEqual([MAX_RETURN_WINDOW_DAYS, MAX_EXHIBITION_UPTS]);
  });
  it('knows the roles a person can hold and what each is scoped to', () => {
    expect(admin.PERSON_ROLES).toEqual(PERSON_ROLES);
    for (const role of PERSON_ROLES) expect(admin.SCOPED_ROLES[role]).toBe(SCOPED_ROLES[role]);
  });
});
