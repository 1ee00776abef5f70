import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { NOTICE_KINDS, type NoticeKind } from '../notice/domain/notice-rules';

export class KindPreferenceDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind: NoticeKind;

  /** False: this kind only in the inbox, not by e-mail. */
  @ApiProperty()
  @IsBoolean()
  email: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [KindPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(NOTICE_KINDS.length)
  // one choice per kind: two for the same kind would say both
  @ArrayUnique((k: KindPreferenceDto) => k.kind)
  @ValidateNested({ each: true })
  @Type(() => KindPreferenceDto)
  kinds: KindPreferenceDto[];
}
