import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { AnyActor, CurrentActor } from '@titipan/platform';
import type { Response } from 'express';
import { DocumentService, type RenderedDocument } from './document.service';

/** Sends a rendered document as an inline PDF under its number. */
function sendPdf(res: Response, doc: RenderedDocument): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${doc.filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(doc.pdf);
}

/** The printed documents (A4 PDF, Bahasa Indonesia), readable by whoever may read the record. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiProduces('application/pdf')
@Controller()
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  @Get('dispatches/:id/surat-jalan')
  @AnyActor()
  @ApiOperation({ summary: 'The surat jalan (delivery note) of a dispatch, with a QR code of its console page' })
  async suratJalan(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendPdf(res, await this.documents.suratJalan(id, actor));
  }

  @Get('dispatches/:id/labels')
  @AnyActor()
  @ApiOperation({ summary: 'A sheet of product labels, one per unit dispatched: name, price, Code 128 of the SKU' })
  async labels(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendPdf(res, await this.documents.labels(id, actor));
  }

  @Get('dispatches/:id/bast')
  @AnyActor()
  @ApiOperation({
    summary: 'Berita acara serah terima: received, damaged and short per lot (409 DISPATCH_NOT_RECEIVED before the receipt)',
  })
  async bast(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendPdf(res, await this.documents.bast(id, actor));
  }

  @Get('returns/:id/note')
  @AnyActor()
  @ApiOperation({ summary: 'The return note of a return to the UPT' })
  async returnNote(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendPdf(res, await this.documents.returnNote(id, actor));
  }

  @Get('stock-counts/:id/record')
  @AnyActor()
  @ApiOperation({ summary: 'The stock count record (berita acara stok opname)' })
  async stockCountRecord(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendPdf(res, await this.documents.stockCountRecord(id, actor));
  }
}
