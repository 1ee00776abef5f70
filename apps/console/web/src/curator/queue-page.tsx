import { useEffect, useState } from 'preact/hooks';
import { currentSession } from '../api';
import { t } from '../i18n';
import { loadProducts } from '../product/product-api';
import type { Product, ProductStatus } from '../product/product-fields';
import { ProductTable } from '../product/product-views';

/** Products of the curator's Kanwil in one state (or a choice of states), oldest change first: a queue. */
function KanwilProducts(props: { title: string; intro: string; statuses: ProductStatus[]; testId: string }) {
  const kanwil = currentSession().scope ?? '';
  const [status, setStatus] = useState<ProductStatus>(props.statuses[0]);
  const [products, setProducts] = useState<Product[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setProducts(undefined);
    loadProducts({ kanwil, status }).then(
      (list) => setProducts(list.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))),
      (e: Error) => setError(t('error.load', { reason: e.message })),
    );
  }, [kanwil, status]);
  return (
    <section aria-labelledby={`${props.testId}-title`}>
      <h1 id={`${props.testId}-title`}>{props.title}</h1>
      <p class="hint">{props.intro}</p>
      {props.statuses.length > 1 && (
        <div class="row">
          <div class="field">
            <label for="curation-status">{t('curation.status')}</label>
            <select id="curation-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as ProductStatus)}>
              {props.statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`products.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      {!products && !error && <p>{t('app.loading')}</p>}
      {products?.length === 0 && <p data-testid={`${props.testId}-empty`}>{t('curation.none')}</p>}
      {products && products.length > 0 && <ProductTable products={products} hrefOf={(p) => `/kurasi/${p.id}`} showUpt />}
    </section>
  );
}

/** Products submitted for curation in the Kanwil, waiting longest first. */
export function QueuePage() {
  const kanwil = currentSession().scope ?? '';
  return (
    <KanwilProducts
      title={t('curation.queue.title', { kanwil })}
      intro={t('curation.queue.intro')}
      statuses={['SUBMITTED']}
      testId="queue"
    />
  );
}

/** Approved and suspended products of the Kanwil: where a curator suspends and reinstates. */
export function KanwilProductsPage() {
  const kanwil = currentSession().scope ?? '';
  return (
    <KanwilProducts
      title={t('curation.listed.title', { kanwil })}
      intro={t('curation.listed.intro')}
      statuses={['APPROVED', 'SUSPENDED', 'REJECTED', 'DISCONTINUED']}
      testId="listed"
    />
  );
}
