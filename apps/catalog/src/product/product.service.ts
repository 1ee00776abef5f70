import { DomainError, notFound, newId, refuse } from '@titipan/kernel';
import { Injectable } from '@nestjs/common';
import {
  isoWithOffset,
  ProductApproved,
  ProductDiscontinued,
  ProductPriceChanged,
  ProductReinstated,
  ProductRejected,
  ProductSubmitted,
  ProductSuspended,
  type Actor,
} from '@titipan/contracts';
import { assertInScope, changedFields, PageQueryDto, UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { jakartaDate } from './domain/calendar';
import { assertApprovable, complianceVerdicts, type ComplianceVerdict } from './domain/compliance';
import { PRICE_REFUSAL_KIND, priceChangeRefusal, priceTimingRefusal } from './domain/price-rules';
import type { PriceRecord, ProductRecord, ReviewRecord } from './domain/product';
import { assertEditable, nextStatus, type ProductAction } from './domain/product-lifecycle';
import { approvalTime, REVIEW_REFUSAL_KIND, reviewRefusal } from './domain/review-rules';
import type { CreateProductDto, PriceChangeDto, ProductQueryDto, UpdateProductDto } from './product.dto';
import { ProductQueries } from './product.queries';
import { ProductStore } from './product.store';
import type { ReviewDto } from './review.dto';

/** Who may act on a product: staff of its UPT, or curators of its UPT's Kanwil. */
type ProductScope = 'upt' | 'kanwil';

/** Each lifecycle action as the audit trail names what it did. */
const AUDIT_ACTION: Record<ProductAction, string> = {
  submit: 'catalog.product.submitted',
  approve: 'catalog.product.approved',
  reject: 'catalog.product.rejected',
  revise: 'catalog.product.revised',
  suspend: 'catalog.product.suspended',
  reinstate: 'catalog.product.reinstated',
  discontinue: 'catalog.product.discontinued',
};

const skuTaken = (uptCode: string, sku: string) =>
  new DomainError('conflict', 'SKU_TAKEN', `UPT ${uptCode} already has a product with SKU ${sku}`, { field: 'sku', sku });

/** Products from draft to approval and beyond. Every change is one transaction with its event. */
@Injectable()
export class ProductService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: ProductStore,
    private readonly queries: ProductQueries,
  ) {}

  async create(input: CreateProductDto, actor: Actor): Promise<ProductRecord> {
    const uptCode = actor.scope!;
    if (!(await this.store.kanwilOf(uptCode))) {
      throw new DomainError('rule', 'UPT_UNKNOWN', `UPT ${uptCode} of the token is not registered`, { uptCode });
    }
    const id = newId();
    await this.uow.run(async (tx) => {
      const fields = { ...input, description: input.description ?? '', shelfLifeDays: input.shelfLifeDays ?? null };
      if (!(await this.store.insert(tx.manager, id, uptCode, fields, actor.id))) throw skuTaken(uptCode, input.sku);
      await this.store.addPrice(tx.manager, id, input.price, new Date(), actor.id);
      await this.store.replaceCertificates(tx.manager, id, input.certificates ?? []);
      await this.store.setStatus(tx.manager, id, null, 'DRAFT', actor.id);
      tx.audit({ entity: 'product', id, action: 'catalog.product.created', after: { uptCode, ...fields, status: 'DRAFT' } });
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateProductDto, actor: Actor): Promise<ProductRecord> {
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, 'upt');
      const fields = Object.keys(input).filter((k) => input[k as keyof UpdateProductDto] !== undefined);
      assertEditable(product.status, fields);
      if (input.sku && input.sku !== product.sku && (await this.store.skuTaken(tx.manager, product.uptCode, input.sku, id))) {
        throw skuTaken(product.uptCode, input.sku);
      }
      const { price, certificates, ...columns } = input;
      await this.store.update(tx.manager, id, columns);
      if (price !== undefined && price !== product.price) await this.store.addPrice(tx.manager, id, price, new Date(), actor.id);
      if (certificates) await this.store.replaceCertificates(tx.manager, id, certificates);
      const change = changedFields(product, input);
      if (change) tx.audit({ entity: 'product', id, action: 'catalog.product.updated', ...change });
    });
    return this.get(id);
  }

  submit(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'upt', 'submit', '', (tx, p) => {
      tx.publish(ProductSubmitted, { productId: p.id, uptCode: p.uptCode, sku: p.sku, name: p.name, category: p.category });
    });
  }

  /** UPT staff reopen a rejected product as a draft to fix it. */
  revise(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'upt', 'revise', '', () => undefined);
  }

  /**
   * A curator of the product's Kanwil approves (if it passes the compliance rules today) or rejects it. A decision
   * taken earlier on paper is recorded with its day; an approval takes effect from it.
   */
  async review(id: string, input: ReviewDto, actor: Actor): Promise<{ review: ReviewRecord; product: ProductRecord }> {
    const now = new Date();
    const decidedOn = input.decidedOn ?? jakartaDate(now);
    const dayRefusal = reviewRefusal({ decidedOn, now });
    if (dayRefusal) refuse(dayRefusal, REVIEW_REFUSAL_KIND);
    const approve = input.decision === 'APPROVE';
    const review: ReviewRecord = {
      id: newId(),
      productId: id,
      decision: approve ? 'APPROVED' : 'REJECTED',
      scores: input.scores,
      notes: input.notes ?? '',
      reviewer: actor.id,
      reviewedAt: now.toISOString(),
      decidedOn,
    };
    const product = await this.transition(id, actor, 'kanwil', approve ? 'approve' : 'reject', '', async (tx, p) => {
      if (approve) assertApprovable(p, now);
      await this.store.addReview(tx.manager, review);
      if (approve) {
        tx.publish(ProductApproved, {
          productId: p.id,
          sku: p.sku,
          name: p.name,
          category: p.category,
          uptCode: p.uptCode,
          kanwilCode: p.kanwilCode,
          unit: p.unit,
          price: p.price,
          shelfLifeDays: p.shelfLifeDays,
          consignable: p.consignable,
          approvedAt: isoWithOffset(approvalTime(decidedOn, now)),
          reviewId: review.id,
        });
      } else {
        tx.publish(ProductRejected, { productId: p.id, uptCode: p.uptCode, reviewId: review.id, reasons: [review.notes] });
      }
    });
    return { review, product };
  }

  suspend(id: string, reason: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'kanwil', 'suspend', reason, (tx, p) => {
      tx.publish(ProductSuspended, { productId: p.id, uptCode: p.uptCode, cause: 'CURATOR', reason });
    });
  }

  /** A suspended product returns to sale only if it passes today's approval rules. */
  reinstate(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'kanwil', 'reinstate', '', (tx, p) => {
      assertApprovable(p, new Date());
      tx.publish(ProductReinstated, { productId: p.id, uptCode: p.uptCode });
    });
  }

  /** The producing UPT or a curator of its Kanwil withdraws the product for good. */
  discontinue(id: string, reason: string | undefined, actor: Actor): Promise<ProductRecord> {
    const scope = actor.role === 'upt' ? 'upt' : 'kanwil';
    return this.transition(id, actor, scope, 'discontinue', reason, (tx, p) => {
      tx.publish(ProductDiscontinued, { productId: p.id, uptCode: p.uptCode, reason });
    });
  }

  /** A new retail price from a time on (now or later), never rewriting history. */
  async changePrice(id: string, input: PriceChangeDto, actor: Actor): Promise<Page<PriceRecord>> {
    const now = new Date();
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
    const timingRefusal = priceTimingRefusal({ effectiveFrom, now });
    if (timingRefusal) refuse(timingRefusal, PRICE_REFUSAL_KIND);
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, 'upt');
      const oldPrice = (await this.store.priceBefore(tx.manager, id, effectiveFrom)) ?? product.price;
      const refusal = priceChangeRefusal({ status: product.status, oldPrice, newPrice: input.price });
      if (refusal) refuse(refusal, PRICE_REFUSAL_KIND);
      await this.store.addPrice(tx.manager, id, input.price, effectiveFrom, actor.id);
      tx.publish(ProductPriceChanged, {
        productId: id,
        uptCode: product.uptCode,
        oldPrice,
        newPrice: input.price,
        effectiveFrom: isoWithOffset(effectiveFrom),
      });
    });
    return this.prices(id, new PageQueryDto());
  }

  async get(id: string): Promise<ProductRecord> {
    const product = await this.store.find(id);
    if (!product) throw notFound('product', id);
    return product;
  }

  /** The approval rules' verdicts on the product as it stands today (WIB), what a curator reads before deciding. */
  async compliance(id: string): Promise<{ productId: string; checkedOn: string; verdicts: ComplianceVerdict[] }> {
    const product = await this.get(id);
    const now = new Date();
    return { productId: id, checkedOn: jakartaDate(now), verdicts: complianceVerdicts(product, now) };
  }

  async list(query: ProductQueryDto): Promise<Page<ProductRecord>> {
    const { items, total } = await this.queries.list({
      uptCode: query.upt,
      kanwilCode: query.kanwil,
      category: query.category,
      status: query.status,
      sku: query.sku,
      text: query.q,
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async reviews(id: string, page: PageQueryDto): Promise<Page<ReviewRecord>> {
    await this.get(id);
    return { ...(await this.queries.reviews(id, page)), limit: page.limit, offset: page.offset };
  }

  async prices(id: string, page: PageQueryDto): Promise<Page<PriceRecord>> {
    await this.get(id);
    return { ...(await this.queries.prices(id, page)), limit: page.limit, offset: page.offset };
  }

  /** Locks the product and checks the actor may act on it. */
  private async lockInScope(tx: Tx, id: string, actor: Actor, scope: ProductScope): Promise<ProductRecord> {
    const product = await this.store.lock(tx.manager, id);
    if (!product) throw notFound('product', id);
    if (scope === 'upt') assertInScope(actor, 'upt', product.uptCode);
    else assertInScope(actor, 'kanwil', product.kanwilCode);
    return product;
  }

  /**
   * One status change as one transaction: lock the product, decide the next state (the lifecycle table),
   * let the use case check its own rules, write and publish, record the change.
   */
  private async transition(
    id: string,
    actor: Actor,
    scope: ProductScope,
    action: ProductAction,
    reason: string | undefined,
    effect: (tx: Tx, product: ProductRecord) => void | Promise<void>,
  ): Promise<ProductRecord> {
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, scope);
      const to = nextStatus(product.status, action);
      await effect(tx, product);
      await this.store.setStatus(tx.manager, id, product.status, to, actor.id, reason);
      tx.audit({ entity: 'product', id, action: AUDIT_ACTION[action], before: { status: product.status }, after: { status: to } });
    });
    return this.get(id);
  }
}
