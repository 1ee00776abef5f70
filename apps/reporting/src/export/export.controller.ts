import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { ExportQuery } from './export.dto';
import { ExportService } from './export.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('statements')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get(':id/export')
  @AnyActor()
  @ApiOperation({
    summary:
      "A statement as CSV (UTF-8 with BOM, formula-like text neutralised), XLSX (rupiah number cells) or a printable PDF with both parties and the digest, times in the venue's zone",
  })
  async export(@Param('id', ParseUUIDPipe) id: string, @Query() query: ExportQuery, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const file = await this.exports.statement(id, query, actor);
    return new StreamableFile(file.body, { type: file.type, disposition: `attachment; filename="${file.filename}"` });
  }
}
