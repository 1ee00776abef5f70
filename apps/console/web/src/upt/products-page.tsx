import { useEffect, useState } from 'preact/hooks';
import { currentSession } from '../api';
import { t } from '../i18n';
import { loadProducts } from '../product/product-api';
import { PRODUCT_STATUSES, type Product } from '../product/product-fields';
import { Link, ProductTable } from '../product/product-views';

/** The UPT's products: each with its status, filtered by status and by text in the name; each opens its page. */
export function ProductsPage() {
  const upt = currentSession().scope ?? '';
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const [products, setProducts] = useState<Product[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setError(undefined);
    const timer = setTimeout(() => {
      loadProducts({ upt, status, q: text.trim() || undefined }).then(
        (list) => setProducts(list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
        (e: Error) => setError(t('error.load', { reason: e.message })),
      );
    }, 250); // typing in the search box asks once it pauses
    return () => clearTimeout(timer);
  }, [upt, status, text]);

  return (
    <section aria-labelledby="products-title">
      <h1 id="products-title">{t('products.list.title', { upt })}</h1>
      <div class="row">
        <Link href="/produk/baru" class="button">
          {t('products.list.new')}
        </Link>
      </div>
      <div class="row" role="search">
        <div class="field">
          <label for="products-status">{t('products.list.status')}</label>
          <select id="products-status" name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t('products.list.allStatuses')}</option>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`products.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="products-q">{t('products.list.search')}</label>
          <input id="products-q" type="search" name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
      </div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      {!products && !error && <p>{t('app.loading')}</p>}
      {products?.length === 0 && <p>{t('products.list.none')}</p>}
      {products && products.length > 0 && <ProductTable products={products} hrefOf={(p) => `/produk/${p.id}`} />}
    </section>
  );
}
