import { DomainError } from '@titipan/kernel';
import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import { DirectoryStore } from '@titipan/directory';
import { ProductDimHandler } from '../product-dim/product-dim';
import type { StatementFigures } from '../statement/domain/statement';
import { StatementService } from '../statement/statement.service';
import { statementCsv, statementPdf, statementXlsx, type StatementDocument } from './statement-export';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

@ApiTags('statements')
@ApiBearerAuth()
@Controller('statements')
export class ExportController {
  constructor(
    private readonly statements: StatementService,
    private readonly products: ProductDimHandler,
    private readonly directory: DirectoryStore,
  ) {}

  @Get(':id/export')
  @AnyActor()
  @ApiQuery({ name: 'format', enum: Object.keys(FORMATS) })
  @ApiOperation({ summary: 'A statement as CSV, XLSX (rupiah number cells) or a printable PDF with both parties and the digest' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('format') format: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const kind = FORMATS[format as keyof typeof FORMATS];
    if (!kind) {
      throw new DomainError('validation', 'VALIDATION_FAILED', `format must be one of ${Object.keys(FORMATS).join(', ')}`, {
        fields: [{ field: 'format', rule: 'isIn' }],
      });
    }
    const statement = await this.statements.get(id, actor);
    if (!statement.figures)
      throw new DomainError('conflict', 'NO_FIGURES', `statement ${id} has no figures yet`, { current: statement.status });
    const doc: StatementDocument = {
      statement: { ...statement, figures: statement.figures as StatementFigures },
      uptName: (await this.directory.upt(statement.uptCode))?.name ?? statement.uptCode,
      venueName: statement.venueName ?? statement.venueCode,
      products: await this.products.products(statement.figures.lines.map((l) => l.productId)),
    };
    const body = format === 'csv' ? Buffer.from(statementCsv(doc)) : format === 'xlsx' ? await statementXlsx(doc) : await statementPdf(doc);
    return new StreamableFile(body, {
      type: kind.type,
      disposition: `attachment; filename="statement-${statement.uptCode}-${statement.venueCode}-${statement.period}.${kind.extension}"`,
    });
  }
}
