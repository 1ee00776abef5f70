import { IsIn, IsString, Length, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';

export const UPT_TYPES = ['LAPAS', 'RUTAN', 'LPKA', 'LPP', 'BAPAS'] as const;
export type UptType = (typeof UPT_TYPES)[number];
export const UPT_CLASSES = ['I', 'IIA', 'IIB', 'III'] as const;
export type UptClass = (typeof UPT_CLASSES)[number];

/** A correctional unit (UPT Pemasyarakatan) was registered under a Kanwil. */
export class UptRegisteredV1 {
  @Matches(/^[A-Z0-9-]{2,20}$/)
  code: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(UPT_TYPES)
  type: UptType;

  @IsIn(UPT_CLASSES)
  class: UptClass;

  @Matches(/^[A-Z0-9-]{2,20}$/)
  kanwilCode: string;

  /** Satuan kerja code used for state-finance reporting (6 digits). */
  @Matches(/^\d{6}$/)
  satkerCode: string;
}

export const UptRegistered = defineEvent({
  type: 'catalog.upt.registered',
  version: 1,
  stream: 'catalog',
  payload: UptRegisteredV1,
  subject: (d) => d.code,
  partitionKey: (d) => d.code,
});
