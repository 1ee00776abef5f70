import { ApiProperty } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  ValidatorConstraint,
  Validate,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CERTIFICATE_KINDS, CERTIFICATE_NUMBER_FORMAT, type CertificateKind } from './domain/certificates';

@ValidatorConstraint({ name: 'certificateNumberFormat' })
class CertificateNumberFormat implements ValidatorConstraintInterface {
  validate(number: unknown, args: ValidationArguments): boolean {
    const format = CERTIFICATE_NUMBER_FORMAT[(args.object as CertificateDto).kind];
    return typeof number === 'string' && format !== undefined && format.test(number);
  }

  defaultMessage(args: ValidationArguments): string {
    const examples: Record<CertificateKind, string> = {
      PIRT: 'P-IRT No. 2063671010123-29',
      BPOM_MD: 'MD 123456789012',
      HALAL: 'ID36110012345670126',
    };
    const kind = (args.object as CertificateDto).kind;
    return `number is not a ${kind} number (e.g. ${examples[kind] ?? 'see kind'})`;
  }
}

export class CertificateDto {
  @ApiProperty({ enum: CERTIFICATE_KINDS })
  @IsIn(CERTIFICATE_KINDS)
  kind: CertificateKind;

  @ApiProperty({ example: 'P-IRT No. 2063671010123-29' })
  @IsString()
  @Validate(CertificateNumberFormat)
  number: string;

  @ApiProperty({ example: '2024-03-01', description: 'date of issue, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedOn must be a date YYYY-MM-DD' })
  issuedOn: string;
}
