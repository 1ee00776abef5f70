import { Inject, Injectable } from '@nestjs/common';
import { refuse } from '@titipan/kernel';
import type { Actor } from '@titipan/contracts';
import { PLATFORM_CONFIG } from '@titipan/platform';
import type { ConsignmentConfig } from '../consignment-config';
import { DispatchService } from '../dispatch/dispatch.service';
import type { Dispatch } from '../dispatch/domain/dispatch';
import { ProductReplicaStore } from '../product-replica/product-replica.store';
import { StockCountService } from '../stock-count/stock-count.service';
import { UptReturnService } from '../upt-return/upt-return.service';
import { DocumentQueries } from './document.queries';
import { documentPdf } from './document-pdf';
import { bastRefusal, DOCUMENT_REFUSAL_KIND } from './domain/document-rules';
import { labelCountRefusal, productLabels } from './domain/label-sheet';
import { uptParty, venueParty } from './domain/parties';
import {
  bast,
  documentFilename,
  returnNote,
  stockCountRecord,
  suratJalan,
  type DocumentContext,
  type PrintedDocument,
} from './domain/printed-document';
import { labelsPdf } from './label-pdf';

/** A PDF and the name it is offered under. */
export interface RenderedDocument {
  filename: string;
  pdf: Buffer;
}

/**
 * The printed documents of the trade, rendered on request from the records (nothing is stored): each record is read
 * through its own feature, with the same scope check as its GET, so who may read a record may print it.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly dispatches: DispatchService,
    private readonly returns: UptReturnService,
    private readonly counts: StockCountService,
    private readonly products: ProductReplicaStore,
    private readonly queries: DocumentQueries,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsignmentConfig,
  ) {}

  async suratJalan(id: string, actor: Actor): Promise<RenderedDocument> {
    const dispatch = await this.dispatches.get(id, actor);
    return this.render(suratJalan(dispatch, await this.context(id, dispatch.uptCode, dispatch.venueCode, dispatch.lines)));
  }

  async bast(id: string, actor: Actor): Promise<RenderedDocument> {
    const dispatch = await this.dispatches.get(id, actor);
    const refusal = bastRefusal(dispatch);
    if (refusal) refuse(refusal, DOCUMENT_REFUSAL_KIND);
    const received = { ...dispatch, receivedAt: dispatch.receivedAt! }; // RECEIVED has its time
    return this.render(bast(received, await this.context(id, dispatch.uptCode, dispatch.venueCode, dispatch.lines)));
  }

  async labels(id: string, actor: Actor): Promise<RenderedDocument> {
    const dispatch = await this.dispatches.get(id, actor);
    const refusal = labelCountRefusal(dispatch.lines.reduce((sum, l) => sum + l.quantity, 0));
    if (refusal) refuse(refusal, DOCUMENT_REFUSAL_KIND);
    const products = await this.products.find(dispatch.lines.map((l) => l.productId));
    const title = `Label produk ${dispatch.number}`;
    return { filename: documentFilename(`LABEL/${dispatch.number}`), pdf: await labelsPdf(title, productLabels(dispatch.lines, products)) };
  }

  async returnNote(id: string, actor: Actor): Promise<RenderedDocument> {
    const found = await this.returns.getInScope(id, actor);
    return this.render(returnNote(found, await this.context(id, found.uptCode, found.venueCode, found.lines)));
  }

  async stockCountRecord(id: string, actor: Actor): Promise<RenderedDocument> {
    const count = await this.counts.getInScope(id, actor);
    return this.render(stockCountRecord(count, await this.context(id, count.uptCode, count.venueCode, count.lines)));
  }

  private async render(doc: PrintedDocument): Promise<RenderedDocument> {
    return { filename: doc.filename, pdf: await documentPdf(doc) };
  }

  private async context(
    id: string,
    uptCode: string,
    venueCode: string,
    lines: readonly Pick<Dispatch['lines'][number], 'productId'>[],
  ): Promise<DocumentContext> {
    const [{ upt, venue }, products] = await Promise.all([
      this.queries.parties(uptCode, venueCode),
      this.products.find([...new Set(lines.map((l) => l.productId))]),
    ]);
    return {
      id,
      upt: uptParty(upt),
      venue: venueParty(venue),
      timeZone: venue.timeZone,
      products,
      consolePublicUrl: this.config.CONSOLE_PUBLIC_URL,
    };
  }
}
