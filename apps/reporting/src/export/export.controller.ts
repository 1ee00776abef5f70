import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { EXPORT_FORMATS, ExportService } from './export.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('statements')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get(':id/export')
  @AnyActor()
  @ApiQuery({ name: 'format', enum: Object.keys(EXPORT_FORMATS) })
  @ApiOperation({ summary: 'A statement as CSV, XLSX (rupiah number cells) or a printable PDF with both parties and the digest' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('format') format: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.exports.statement(id, format, actor);
    return new StreamableFile(file.body, { type: file.type, disposition: `attachment; filename="${file.filename}"` });
  }
}
