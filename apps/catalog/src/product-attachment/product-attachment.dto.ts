import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { CERTIFICATE_KINDS } from '../product/domain/certificates';
import { ATTACHMENT_KINDS } from './domain/attachment';
import { MAX_FILENAME_LENGTH } from './domain/upload-rules';

/**
 * The query of an upload. Only their shape is checked here (one string each); what they may say is the upload
 * rules', which answer a bad kind, file name or certificate with 422 naming the field.
 */
export class AttachmentUploadQueryDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS })
  @IsString()
  kind: string;

  @ApiProperty({ example: 'keripik-tempe-depan.jpg', maxLength: MAX_FILENAME_LENGTH, description: 'shown and offered back on download' })
  @IsString()
  filename: string;

  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS, description: 'the certificate a scan belongs to (kind=certificate only)' })
  @IsOptional()
  @IsString()
  certificate?: string;
}
