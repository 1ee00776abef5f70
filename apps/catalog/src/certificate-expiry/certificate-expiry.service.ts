import { newId } from '@titipan/kernel';
import { Injectable, Logger } from '@nestjs/common';
import { ProductSuspended, systemActor } from '@titipan/contracts';
import { runInContext, UnitOfWork } from '@titipan/platform';
import { jakartaDate } from '../product/domain/calendar';
import { izinEdarViolations, type RuleViolation } from '../product/domain/compliance';
import { ProductQueries } from '../product/product.queries';
import { ProductStore } from '../product/product.store';

export interface ExpiryCheckResult {
  checkedAt: string;
  checked: number;
  suspended: { productId: string; uptCode: string; sku: string; violations: RuleViolation[] }[];
}

/** Suspends approved food and beverage whose izin edar ran out (a P-IRT reaches 5 years). */
@Injectable()
export class CertificateExpiryService {
  private readonly logger = new Logger('CertificateExpiry');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: ProductStore,
    private readonly queries: ProductQueries,
  ) {}

  /** Run nightly and on demand; each product is suspended in its own transaction, and one already suspended is not touched again. */
  async run(at: Date = new Date()): Promise<ExpiryCheckResult> {
    const day = jakartaDate(at);
    const candidates = await this.queries.approvedNeedingIzinEdar();
    const result: ExpiryCheckResult = { checkedAt: at.toISOString(), checked: candidates.length, suspended: [] };
    for (const candidate of candidates) {
      if (izinEdarViolations(candidate, day).length === 0) continue;
      await this.uow.run(async (tx) => {
        const product = await this.store.lock(tx.manager, candidate.id);
        if (!product || product.status !== 'APPROVED') return; // changed meanwhile
        const violations = izinEdarViolations(product, day);
        if (violations.length === 0) return;
        const reason = violations.map((v) => v.message).join('; ');
        await this.store.setStatus(tx.manager, product.id, product.status, 'SUSPENDED', systemActor('catalog').id, reason);
        tx.publish(ProductSuspended, { productId: product.id, uptCode: product.uptCode, cause: 'CERTIFICATE_EXPIRED', reason });
        tx.audit({
          entity: 'product',
          id: product.id,
          action: 'catalog.product.suspended',
          before: { status: 'APPROVED' },
          after: { status: 'SUSPENDED' },
        });
        result.suspended.push({ productId: product.id, uptCode: product.uptCode, sku: product.sku, violations });
      });
    }
    if (result.suspended.length > 0) this.logger.log(`expiry check suspended ${result.suspended.length} of ${result.checked} products`);
    return result;
  }

  /** The nightly run acts as the catalog service itself. */
  runAsSystem(): Promise<ExpiryCheckResult> {
    return runInContext({ correlationId: `expiry-check-${newId()}`, actor: systemActor('catalog') }, () => this.run());
  }
}
