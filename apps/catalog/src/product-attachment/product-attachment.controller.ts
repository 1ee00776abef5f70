import { DomainError } from '@titipan/kernel';
import {
  Controller,
  createParamDecorator,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import type { Request, Response } from 'express';
import { inlineDisposition } from './domain/content-disposition';
import { UPLOAD_TYPES } from './domain/content-type';
import { AttachmentUploadQueryDto } from './product-attachment.dto';
import { ProductAttachmentService } from './product-attachment.service';

const uuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('validation', 'INVALID_ID', `${name} must be a UUID`, { field: name }),
    }),
  );

/** The upload's raw bytes (read by AttachmentBodyMiddleware); an empty buffer when the body was not a file. */
const UploadedBytes = createParamDecorator((_data: unknown, context: ExecutionContext): Buffer => {
  const body = context.switchToHttp().getRequest<Request>().body as unknown;
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
});

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductAttachmentController {
  constructor(private readonly attachments: ProductAttachmentService) {}

  @Post(':id/attachments')
  @Allow('upt')
  @ApiOperation({
    summary: 'Attach a photo or a certificate scan to a DRAFT or REJECTED product of the caller’s UPT; the body is the file',
    description:
      'Photos: JPEG, PNG or WebP up to 5 MB. Certificate scans: PDF up to 10 MB, or an image up to 5 MB. The type is read from the bytes.',
  })
  @ApiConsumes(...UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  add(
    @uuidParam('id') id: string,
    @Query() query: AttachmentUploadQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @UploadedBytes() bytes: Buffer,
    @CurrentActor() actor: Actor,
  ) {
    return this.attachments.add(id, query, contentType, bytes, actor);
  }

  @Get(':id/attachments')
  @AnyActor()
  @ApiOperation({ summary: "A product's photos and certificate scans (metadata), oldest first; paged (a product holds at most 20)" })
  list(@uuidParam('id') id: string, @Query() page: PageQueryDto) {
    return this.attachments.list(id, page);
  }

  @Get(':id/attachments/:attachmentId/content')
  @AnyActor()
  @ApiOperation({ summary: 'The file itself, with its content type' })
  async content(
    @uuidParam('id') id: string,
    @uuidParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, bytes } = await this.attachments.content(id, attachmentId);
    // an attachment's bytes never change (a new file is a new attachment): its hash is its version
    res.setHeader('ETag', `"${attachment.sha256}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(bytes, {
      type: attachment.contentType,
      disposition: inlineDisposition(attachment.filename),
      length: bytes.length,
    });
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @Allow('upt')
  @ApiOperation({ summary: 'Remove a photo or scan of a DRAFT or REJECTED product of the caller’s UPT' })
  remove(@uuidParam('id') id: string, @uuidParam('attachmentId') attachmentId: string, @CurrentActor() actor: Actor) {
    return this.attachments.remove(id, attachmentId, actor);
  }
}
