import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN } from '@titipan/contracts';
import { PERSON_ROLES, USERNAME_PATTERN, type PersonRole } from '@titipan/identity';
import { PageQueryDto } from '@titipan/platform';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/*
 * Only types and bounds here: the account rules (libs/identity/src/account-rules.ts) judge the username, the
 * role and the scope code, so the HTTP endpoint and the users command refuse with the same codes
 * (USERNAME_INVALID, ROLE_UNKNOWN, SCOPE_REQUIRED, SCOPE_NOT_ALLOWED, SCOPE_INVALID, SCOPE_UNKNOWN).
 * Control characters are refused for every string by the request-shape pass.
 */

export class CreateUserAccountDto {
  @ApiProperty({ example: 'kasir.tgr', pattern: USERNAME_PATTERN.source, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ enum: PERSON_ROLES, example: 'venue' })
  @IsString()
  @MaxLength(20)
  role: string;

  @ApiPropertyOptional({
    example: 'IMI-TGR-LOUNGE',
    description: 'the UPT, Kanwil or venue code; required for upt, curator, venue, kanwil',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  scope?: string;

  @ApiPropertyOptional({ example: 'Siti Rahma', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'siti@example.go.id', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    description: 'judged by the realm password policy (PASSWORD_REFUSED); without one, a temporary password is generated and answered once',
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  password?: string;

  @ApiPropertyOptional({ description: 'the given password must be changed at the first sign-in', default: false })
  @IsOptional()
  @IsBoolean()
  temporaryPassword?: boolean;
}

export class SetPasswordDto {
  @ApiPropertyOptional({ description: 'without one, a temporary password is generated and answered once', maxLength: 128 })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  password?: string;

  @ApiPropertyOptional({ description: 'the password must be changed at the next sign-in', default: false })
  @IsOptional()
  @IsBoolean()
  temporary?: boolean;
}

export class UserAccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PERSON_ROLES })
  @IsOptional()
  @IsIn(PERSON_ROLES)
  role?: PersonRole;

  @ApiPropertyOptional({ description: 'UPT, Kanwil or venue code' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN)
  scope?: string;
}

export class UsernameParamDto {
  @ApiProperty({ example: 'kasir.tgr' })
  @Matches(USERNAME_PATTERN, { message: 'username must be 3-64 lower-case letters, digits, ".", "_" or "-"' })
  username: string;
}

/** A person's account as the endpoint answers it; `initialPassword` only in the answer that generated it. */
export class UserAccountView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: PERSON_ROLES, nullable: true }) role: PersonRole | null;
  @ApiProperty({ nullable: true }) scope: string | null;
  @ApiProperty({ nullable: true }) name: string | null;
  @ApiProperty({ nullable: true }) email: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ description: 'generated, shown this once, must be changed at the first sign-in' })
  initialPassword?: string;
}
