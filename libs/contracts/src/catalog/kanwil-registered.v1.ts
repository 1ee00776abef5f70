import { IsString, Length, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';

/** A regional office (Kanwil Ditjenpas) was registered in the catalog's master data. */
export class KanwilRegisteredV1 {
  @Matches(/^[A-Z0-9-]{2,20}$/)
  code: string;

  @IsString()
  @Length(1, 200)
  name: string;
}

export const KanwilRegistered = defineEvent({
  type: 'catalog.kanwil.registered',
  version: 1,
  stream: 'catalog',
  payload: KanwilRegisteredV1,
  subject: (d) => d.code,
  partitionKey: (d) => d.code,
});
