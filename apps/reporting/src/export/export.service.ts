import { Injectable } from '@nestjs/common';
import type { Actor } from '@titipan/contracts';
import { DirectoryStore } from '@titipan/directory';
import { DomainError } from '@titipan/kernel';
import { ProductDimStore } from '../product-dim/product-dim.store';
import { StatementService } from '../statement/statement.service';
import { EXPORT_FORMATS, type ExportQuery } from './export.dto';
import { statementCsv, statementPdf, statementXlsx, type StatementDocument } from './statement-export';

export interface ExportedFile {
  body: Buffer;
  type: string;
  filename: string;
}

/** A statement the caller may read, as a file: the parties' names and the products' SKUs and names filled in. */
@Injectable()
export class ExportService {
  constructor(
    private readonly statements: StatementService,
    private readonly products: ProductDimStore,
    private readonly directory: DirectoryStore,
  ) {}

  async statement(id: string, { format, delimiter }: ExportQuery, actor: Actor): Promise<ExportedFile> {
    const kind = EXPORT_FORMATS[format];
    const statement = await this.statements.get(id, actor);
    const figures = statement.figures;
    if (!figures) throw new DomainError('conflict', 'NO_FIGURES', `statement ${id} has no figures yet`, { current: statement.status });
    const doc: StatementDocument = {
      statement: { ...statement, figures },
      uptName: (await this.directory.upt(statement.uptCode))?.name ?? statement.uptCode,
      venueName: statement.venueName ?? statement.venueCode,
      products: await this.products.products(figures.lines.map((l) => l.productId)),
    };
    const body = format === 'csv' ? statementCsv(doc, delimiter) : format === 'xlsx' ? await statementXlsx(doc) : await statementPdf(doc);
    return {
      body,
      type: kind.type,
      filename: `statement-${statement.uptCode}-${statement.venueCode}-${statement.period}.${kind.extension}`,
    };
  }
}
