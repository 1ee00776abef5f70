import { DomainError, notFound, newId } from '@titipan/kernel';
import { Injectable, Logger } from '@nestjs/common';
import {
  isoWithOffset,
  ProductApproved,
  ProductDiscontinued,
  ProductPriceChanged,
  ProductReinstated,
  ProductRejected,
  ProductSubmitted,
  ProductSuspended,
  systemActor,
  type Actor,
} from '@titipan/contracts';
import { assertInScope, runInContext, UnitOfWork, type Page, type Tx } from '@titipan/platform';
import { jakartaDate } from './domain/calendar';
import { approvalViolations, izinEdarViolations, type RuleViolation } from './domain/compliance';
import { assertEditable, nextStatus, type ProductAction } from './domain/product-lifecycle';
import type { CreateProductDto, PriceChangeDto, UpdateProductDto } from './dto/product.dto';
import type { ProductQueryDto } from './dto/product-query.dto';
import type { ReviewDto } from './dto/review.dto';
import { ProductRepository, type PriceRecord, type ProductRecord, type ReviewRecord } from './persistence/product.repository';

/** How far in the past a price change may claim to start: clock skew, never history. */
const PRICE_CLOCK_SKEW_MS = 60_000;
const MAX_PRICE_LEAD_MS = 366 * 24 * 3600_000;

export interface ExpiryCheckResult {
  checkedAt: string;
  checked: number;
  suspended: { productId: string; uptCode: string; sku: string; violations: RuleViolation[] }[];
}

function refuseApproval(violations: RuleViolation[]): never {
  const [first] = violations;
  throw new DomainError('rule', first.code, violations.map((v) => v.message).join('; '), { rule: first.rule, violations });
}

/** Products from draft to approval and beyond. Every change is one transaction with its event. */
@Injectable()
export class ProductService {
  private readonly logger = new Logger('ProductService');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
  ) {}

  async create(input: CreateProductDto, actor: Actor): Promise<ProductRecord> {
    const uptCode = actor.scope!;
    if (!(await this.products.kanwilOf(uptCode))) {
      throw new DomainError('rule', 'UPT_UNKNOWN', `UPT ${uptCode} of the token is not registered`, { uptCode });
    }
    const id = newId();
    await this.uow.run(async (tx) => {
      const fields = { ...input, description: input.description ?? '', shelfLifeDays: input.shelfLifeDays ?? null };
      if (!(await this.products.insert(tx.manager, id, uptCode, fields, actor.id))) {
        throw new DomainError('conflict', 'SKU_TAKEN', `UPT ${uptCode} already has a product with SKU ${input.sku}`, {
          field: 'sku',
          sku: input.sku,
        });
      }
      await this.products.addPrice(tx.manager, id, input.price, new Date(), actor.id);
      await this.products.replaceCertificates(tx.manager, id, input.certificates ?? []);
      await this.products.setStatus(tx.manager, id, null, 'DRAFT', actor.id);
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateProductDto, actor: Actor): Promise<ProductRecord> {
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, 'upt');
      const fields = Object.keys(input).filter((k) => input[k as keyof UpdateProductDto] !== undefined);
      assertEditable(product.status, fields);
      if (input.sku && input.sku !== product.sku && (await this.products.skuTaken(tx.manager, product.uptCode, input.sku, id))) {
        throw new DomainError('conflict', 'SKU_TAKEN', `UPT ${product.uptCode} already has a product with SKU ${input.sku}`, {
          field: 'sku',
          sku: input.sku,
        });
      }
      const { price, certificates, ...columns } = input;
      await this.products.update(tx.manager, id, columns);
      if (price !== undefined && price !== product.price) await this.products.addPrice(tx.manager, id, price, new Date(), actor.id);
      if (certificates) await this.products.replaceCertificates(tx.manager, id, certificates);
    });
    return this.get(id);
  }

  submit(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'upt', 'submit', (tx, p) => {
      tx.publish(ProductSubmitted, { productId: p.id, uptCode: p.uptCode, sku: p.sku, name: p.name, category: p.category });
    });
  }

  /** UPT staff reopen a rejected product as a draft to fix it. */
  revise(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'upt', 'revise', () => undefined);
  }

  async review(id: string, input: ReviewDto, actor: Actor): Promise<{ review: ReviewRecord; product: ProductRecord }> {
    const now = new Date();
    const review: ReviewRecord = {
      id: newId(),
      productId: id,
      decision: input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
      scores: input.scores,
      notes: input.notes ?? '',
      reviewer: actor.id,
      reviewedAt: now.toISOString(),
    };
    const product = await this.transition(id, actor, 'kanwil', input.decision === 'APPROVE' ? 'approve' : 'reject', async (tx, p) => {
      if (input.decision === 'APPROVE') {
        const violations = approvalViolations(p, now);
        if (violations.length > 0) refuseApproval(violations);
      }
      await this.products.addReview(tx.manager, review);
      if (input.decision === 'APPROVE') {
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
          approvedAt: isoWithOffset(now),
          reviewId: review.id,
        });
      } else {
        tx.publish(ProductRejected, { productId: p.id, uptCode: p.uptCode, reviewId: review.id, reasons: [review.notes] });
      }
    });
    return { review, product };
  }

  suspend(id: string, reason: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(
      id,
      actor,
      'kanwil',
      'suspend',
      (tx, p) => {
        tx.publish(ProductSuspended, { productId: p.id, uptCode: p.uptCode, cause: 'CURATOR', reason });
      },
      reason,
    );
  }

  /** A suspended product returns to sale only if it passes today's approval rules. */
  reinstate(id: string, actor: Actor): Promise<ProductRecord> {
    return this.transition(id, actor, 'kanwil', 'reinstate', (tx, p) => {
      const violations = approvalViolations(p, new Date());
      if (violations.length > 0) refuseApproval(violations);
      tx.publish(ProductReinstated, { productId: p.id, uptCode: p.uptCode });
    });
  }

  /** The producing UPT or a curator of its Kanwil withdraws the product for good. */
  discontinue(id: string, reason: string | undefined, actor: Actor): Promise<ProductRecord> {
    const scope = actor.role === 'upt' ? 'upt' : 'kanwil';
    return this.transition(
      id,
      actor,
      scope,
      'discontinue',
      (tx, p) => {
        tx.publish(ProductDiscontinued, { productId: p.id, uptCode: p.uptCode, reason });
      },
      reason,
    );
  }

  async changePrice(id: string, input: PriceChangeDto, actor: Actor): Promise<PriceRecord[]> {
    const now = Date.now();
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : new Date(now);
    if (effectiveFrom.getTime() < now - PRICE_CLOCK_SKEW_MS) {
      throw new DomainError('rule', 'PRICE_CHANGE_IN_PAST', 'a price change cannot take effect in the past; history is never rewritten', {
        field: 'effectiveFrom',
      });
    }
    if (effectiveFrom.getTime() > now + MAX_PRICE_LEAD_MS) {
      throw new DomainError('rule', 'PRICE_CHANGE_TOO_FAR', 'a price change can be scheduled at most a year ahead', {
        field: 'effectiveFrom',
      });
    }
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, 'upt');
      if (product.status === 'DRAFT' || product.status === 'DISCONTINUED') {
        throw new DomainError(
          'conflict',
          'PRICE_CHANGE_NOT_ALLOWED',
          `the price of a ${product.status} product is not changed this way${product.status === 'DRAFT' ? '; edit the draft' : ''}`,
          {
            current: product.status,
          },
        );
      }
      const oldPrice = (await this.products.priceBefore(tx.manager, id, effectiveFrom)) ?? product.price;
      if (oldPrice === input.price) {
        throw new DomainError('rule', 'PRICE_UNCHANGED', `the price at that time is already ${oldPrice}`, {
          field: 'price',
          price: oldPrice,
        });
      }
      await this.products.addPrice(tx.manager, id, input.price, effectiveFrom, actor.id);
      tx.publish(ProductPriceChanged, {
        productId: id,
        uptCode: product.uptCode,
        oldPrice,
        newPrice: input.price,
        effectiveFrom: isoWithOffset(effectiveFrom),
      });
    });
    return this.products.prices(id);
  }

  /**
   * Suspends approved food and beverage whose izin edar ran out (a P-IRT reaches 5 years).
   * Run nightly and on demand; a product already suspended is not touched again.
   */
  async runExpiryCheck(at: Date = new Date()): Promise<ExpiryCheckResult> {
    const day = jakartaDate(at);
    const candidates = await this.products.approvedNeedingIzinEdar();
    const result: ExpiryCheckResult = { checkedAt: at.toISOString(), checked: candidates.length, suspended: [] };
    for (const candidate of candidates) {
      if (izinEdarViolations(candidate, day).length === 0) continue;
      await this.uow.run(async (tx) => {
        const product = await this.products.lock(tx.manager, candidate.id);
        if (!product || product.status !== 'APPROVED') return; // changed meanwhile
        const violations = izinEdarViolations(product, day);
        if (violations.length === 0) return;
        const reason = violations.map((v) => v.message).join('; ');
        await this.products.setStatus(tx.manager, product.id, product.status, 'SUSPENDED', systemActor('catalog').id, reason);
        tx.publish(ProductSuspended, { productId: product.id, uptCode: product.uptCode, cause: 'CERTIFICATE_EXPIRED', reason });
        result.suspended.push({ productId: product.id, uptCode: product.uptCode, sku: product.sku, violations });
      });
    }
    if (result.suspended.length > 0) this.logger.log(`expiry check suspended ${result.suspended.length} of ${result.checked} products`);
    return result;
  }

  /** The nightly run acts as the catalog service itself. */
  runScheduledExpiryCheck(): Promise<ExpiryCheckResult> {
    return runInContext({ correlationId: `expiry-check-${newId()}`, actor: systemActor('catalog') }, () => this.runExpiryCheck());
  }

  async get(id: string): Promise<ProductRecord> {
    const product = await this.products.find(id);
    if (!product) throw notFound('product', id);
    return product;
  }

  async list(query: ProductQueryDto): Promise<Page<ProductRecord>> {
    const { items, total } = await this.products.list({
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

  async reviews(id: string): Promise<ReviewRecord[]> {
    await this.get(id);
    return this.products.reviews(id);
  }

  async prices(id: string): Promise<PriceRecord[]> {
    await this.get(id);
    return this.products.prices(id);
  }

  /** Locks the product and checks the actor may act on it: its UPT's staff, or curators of its Kanwil. */
  private async lockInScope(tx: Tx, id: string, actor: Actor, scope: 'upt' | 'kanwil'): Promise<ProductRecord> {
    const product = await this.products.lock(tx.manager, id);
    if (!product) throw notFound('product', id);
    if (scope === 'upt') assertInScope(actor, 'upt', product.uptCode);
    else assertInScope(actor, 'kanwil', product.kanwilCode);
    return product;
  }

  private async transition(
    id: string,
    actor: Actor,
    scope: 'upt' | 'kanwil',
    action: ProductAction,
    effect: (tx: Tx, product: ProductRecord) => void | Promise<void>,
    reason = '',
  ): Promise<ProductRecord> {
    await this.uow.run(async (tx) => {
      const product = await this.lockInScope(tx, id, actor, scope);
      const to = nextStatus(product.status, action);
      await effect(tx, product);
      await this.products.setStatus(tx.manager, id, product.status, to, actor.id, reason);
    });
    return this.get(id);
  }
}
