import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ORG_CODE_PATTERN } from './product-fields';

/** The person roles an account can hold (every actor role but `system`). */
const PERSON_ROLES = ['upt', 'curator', 'venue', 'kanwil', 'ministry', 'admin'] as const;

/**
 * A person's account at the identity provider was created, disabled or enabled through catalog's user
 * administration: who they are, their role and scope, and where mail reaches them. The notification service keeps
 * its address book from these. Keyed by the provider's stable id (the tokens' `sub`).
 */
export class PersonChangedV1 {
  @IsString()
  @Length(1, 100)
  personId: string;

  @IsString()
  @Length(1, 255)
  username: string;

  @IsOptional()
  @IsIn(PERSON_ROLES)
  role: (typeof PERSON_ROLES)[number] | null;

  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  scope: string | null;

  @IsOptional()
  @IsString()
  @Length(0, 255)
  name: string | null;

  /** As the provider holds it (it checked the address when the account was made). */
  @IsOptional()
  @Length(3, 254)
  @Matches(/^[^\s@]+@[^\s@]+$/)
  email: string | null;

  @IsBoolean()
  enabled: boolean;
}

export const PersonChanged = defineEvent({
  type: 'catalog.person.changed',
  version: 1,
  stream: 'catalog',
  payload: PersonChangedV1,
  subject: (d) => d.personId,
  partitionKey: (d) => d.personId,
});
