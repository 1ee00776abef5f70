import { useEffect, useRef, useState } from 'preact/hooks';
import { call, upload } from '../api';
import { formatDateTime, formatRupiah } from '../format';
import { t } from '../i18n';
import { loadAttachments, loadPrices, loadProduct, loadReviews, navigate, productPath } from '../product/product-api';
import {
  ATTACHMENTS_EDITABLE_IN,
  CERTIFICATE_KINDS,
  type Attachment,
  type AttachmentKind,
  type CertificateKind,
  type PriceEntry,
  type Product,
  type Review,
} from '../product/product-fields';
import {
  AttachmentList,
  CertificateTable,
  Link,
  ProductFacts,
  refusalOf,
  ReviewHistory,
  StatusBadge,
  ZONE,
} from '../product/product-views';
import { ACCEPT, contentTypeOf, formatBytes, uploadProblem, uploadQuery } from './attachment-upload';
import { editableFields, emptyForm, formOf, priceChange, productBody, productChanges, type ProductFormValues } from './product-form';
import { ProductFormView } from './product-form-view';

/** A new product: its fields and certificates; saved as a DRAFT, then its page opens for photos and scans. */
export function NewProductPage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (values: ProductFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const product = await call<Product>('POST', '/api/catalog/products', productBody(values));
      navigate(`/produk/${product.id}`);
    } catch (e) {
      setError(t('products.saveRefused', { reason: refusalOf(e) }));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-product-title">
      <p>
        <Link href="/produk">{t('products.back')}</Link>
      </p>
      <h1 id="new-product-title">{t('products.new.title')}</h1>
      <p class="hint">{t('products.new.intro')}</p>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>
      <ProductFormView status={null} initial={emptyForm()} saveLabel={t('products.new.save')} busy={busy} onSave={(v) => void save(v)} />
    </section>
  );
}

/**
 * One product of the UPT: why it was refused (the curator's reason and scores), its fields (all of a draft; the
 * description and certificates later), photos and certificate scans, submission, revision, price changes and
 * every review.
 */
export function ProductPage({ param }: { param?: string }) {
  const id = param!;
  const [product, setProduct] = useState<Product>();
  const [reviews, setReviews] = useState<Review[]>([]);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [prices, setPrices] = useState<PriceEntry[]>([]);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  // the form starts again from the saved product after each save
  const [formKey, setFormKey] = useState(0);

  const load = async () => {
    try {
      const [p, r, a, pr] = await Promise.all([loadProduct(id), loadReviews(id), loadAttachments(id), loadPrices(id)]);
      setProduct(p);
      setReviews(r);
      setAttachments(a);
      setPrices(pr);
      setFormKey((k) => k + 1);
    } catch (e) {
      setError(t('error.load', { reason: refusalOf(e) }));
    }
  };
  useEffect(() => void load(), [id]);

  /** One change at the catalog, then the product read again; its outcome in words. */
  const act = async (what: string, run: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await run();
      // the product read again before the outcome is told, so what the page shows is already the new state
      await load();
      setDone(t(`products.done.${what}`));
    } catch (e) {
      setError(t(`products.refused.${what}`, { reason: refusalOf(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (!product) {
    return (
      <section aria-labelledby="product-title">
        <h1 id="product-title">{t('products.product')}</h1>
        <div role="alert">{error && <p class="message refused">{error}</p>}</div>
        {!error && <p>{t('app.loading')}</p>}
      </section>
    );
  }

  const latest = reviews[0];
  const editable = editableFields(product.status).length > 0;
  const attachmentsEditable = ATTACHMENTS_EDITABLE_IN.includes(product.status);
  const photoCount = attachments.filter((a) => a.kind === 'photo').length;
  const save = (values: ProductFormValues) =>
    void act('save', async () => {
      const changes = productChanges(product, values);
      if (Object.keys(changes).length > 0) await call('PATCH', productPath(id), changes);
    });

  return (
    <section aria-labelledby="product-title" class="product-page">
      <p>
        <Link href="/produk">{t('products.back')}</Link>
      </p>
      <h1 id="product-title">
        {product.name} <span class="sku">({product.sku})</span> <StatusBadge status={product.status} />
      </h1>
      <p class="hint" data-testid="status-hint">
        {t(`products.statusHint.${product.status}`)}
      </p>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      <div role="alert">{error && <p class="message refused">{error}</p>}</div>

      {product.status === 'REJECTED' && latest?.decision === 'REJECTED' && (
        <div class="refusal-box" data-testid="rejection">
          <h2>{t('products.rejected.title')}</h2>
          <p class="refusal-reason" data-testid="rejection-reason">
            {latest.notes}
          </p>
          <p class="hint">{t('products.rejected.hint')}</p>
          <button type="button" disabled={busy} onClick={() => void act('revise', () => call('POST', `${productPath(id)}/revise`))}>
            {t('products.revise')}
          </button>
        </div>
      )}

      {product.status === 'DRAFT' && (
        <div class="submit-box">
          <h2>{t('products.submit.title')}</h2>
          <p class="hint">{photoCount === 0 ? t('products.submit.noPhoto') : t('products.submit.hint')}</p>
          <button type="button" disabled={busy} onClick={() => void act('submit', () => call('POST', `${productPath(id)}/submit`))}>
            {t('products.submit.button')}
          </button>
        </div>
      )}

      <h2>{t('products.details')}</h2>
      {editable ? (
        <ProductFormView
          key={formKey}
          status={product.status}
          initial={formOf(product)}
          saveLabel={t('products.saveChanges')}
          busy={busy}
          onSave={save}
        />
      ) : (
        <>
          <ProductFacts product={product} />
          <h3>{t('products.certificates')}</h3>
          <CertificateTable certificates={product.certificates} />
        </>
      )}

      <h2>{t('products.attachment.title')}</h2>
      {!attachmentsEditable && <p class="hint">{t('products.attachment.locked')}</p>}
      <AttachmentList
        attachments={attachments}
        busy={busy}
        onDelete={
          attachmentsEditable
            ? (a) => void act('deleteAttachment', () => call('DELETE', `${productPath(id)}/attachments/${encodeURIComponent(a.id)}`))
            : undefined
        }
      />
      {attachmentsEditable && (
        <div class="uploads">
          <UploadForm kind="photo" product={product} busy={busy} act={act} />
          <UploadForm kind="certificate" product={product} busy={busy} act={act} />
        </div>
      )}

      {product.status !== 'DRAFT' && product.status !== 'DISCONTINUED' && (
        <PriceChangeForm product={product} prices={prices} busy={busy} act={act} />
      )}

      <h2>{t('products.review.title')}</h2>
      <ReviewHistory reviews={reviews} />
    </section>
  );
}

/** Picks a photo or a certificate scan, checks it against the contract's types and sizes, and sends its bytes. */
function UploadForm(props: {
  kind: AttachmentKind;
  product: Product;
  busy: boolean;
  act: (what: string, run: () => Promise<unknown>) => Promise<void>;
}) {
  const { kind, product } = props;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [certificate, setCertificate] = useState<CertificateKind | ''>(product.certificates[0]?.kind ?? '');
  const problem = file && uploadProblem(kind, file);
  const id = `upload-${kind}`;
  const send = async (e: Event) => {
    e.preventDefault();
    if (!file || problem) return;
    await props.act(kind === 'photo' ? 'uploadPhoto' : 'uploadScan', () =>
      upload(`${productPath(product.id)}/attachments?${uploadQuery(kind, file.name, certificate)}`, file, contentTypeOf(file)),
    );
    setFile(undefined);
    if (input.current) input.current.value = '';
  };
  return (
    <form class="upload" onSubmit={(e) => void send(e)} data-testid={`upload-${kind}`}>
      <h3>{t(`products.upload.${kind}.title`)}</h3>
      <div class="field">
        <label for={id}>{t(`products.upload.${kind}.file`)}</label>
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPT[kind]}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
        <span class="hint" id={`${id}-hint`}>
          {t(`products.upload.${kind}.hint`)}
        </span>
        {problem && (
          <span class="problems" id={`${id}-problem`}>
            {t(`products.upload.problem.${problem.code}`, {
              accepted: 'accepted' in problem ? problem.accepted : '',
              limit: 'limitBytes' in problem ? formatBytes(problem.limitBytes) : '',
            })}
          </span>
        )}
      </div>
      {kind === 'certificate' && (
        <div class="field">
          <label for="upload-certificate-of">{t('products.upload.certificateOf')}</label>
          <select
            id="upload-certificate-of"
            value={certificate}
            onChange={(e) => setCertificate(e.currentTarget.value as CertificateKind | '')}
          >
            <option value="">{t('products.upload.certificateNone')}</option>
            {CERTIFICATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`products.certificate.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" disabled={props.busy || !file || !!problem}>
        {t(`products.upload.${kind}.button`)}
      </button>
    </form>
  );
}

/** A new retail price from now or a later time, and the price history (the catalog allows it past DRAFT). */
function PriceChangeForm(props: {
  product: Product;
  prices: PriceEntry[];
  busy: boolean;
  act: (what: string, run: () => Promise<unknown>) => Promise<void>;
}) {
  const { product } = props;
  const [price, setPrice] = useState('');
  const [when, setWhen] = useState('');
  const [tried, setTried] = useState(false);
  const change = priceChange(product.price, price, when, new Date());
  const problem = tried && 'problem' in change ? change.problem : undefined;
  const send = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if ('problem' in change) return;
    await props.act('price', () => call('POST', `${productPath(product.id)}/price-changes`, change.body));
    setPrice('');
    setWhen('');
    setTried(false);
  };
  return (
    <>
      <h2>{t('products.price.title')}</h2>
      <p>{t('products.price.current', { price: formatRupiah(product.price) })}</p>
      <form class="row" onSubmit={(e) => void send(e)} noValidate>
        <div class="field">
          <label for="price-new">{t('products.price.new')}</label>
          <input
            id="price-new"
            inputMode="numeric"
            value={price}
            aria-invalid={problem && problem.startsWith('PRICE') ? true : undefined}
            aria-describedby={problem ? 'price-problem' : undefined}
            onInput={(e) => setPrice(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="price-when">{t('products.price.when')}</label>
          <input
            id="price-when"
            type="datetime-local"
            value={when}
            onInput={(e) => setWhen(e.currentTarget.value)}
            aria-describedby="price-when-hint"
          />
          <span class="hint" id="price-when-hint">
            {t('products.price.whenHint')}
          </span>
        </div>
        <button type="submit" disabled={props.busy}>
          {t('products.price.button')}
        </button>
      </form>
      {problem && (
        <p class="problems" id="price-problem">
          {t(`products.price.problem.${problem}`)}
        </p>
      )}
      {props.prices.length > 0 && (
        <div class="table-wrap">
          <table data-testid="price-history">
            <caption class="sr-only">{t('products.price.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('products.price.from')}</th>
                <th scope="col" class="num">
                  {t('products.field.price')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.prices.map((p) => (
                <tr key={`${p.effectiveFrom}|${p.recordedAt}`}>
                  <td>{formatDateTime(p.effectiveFrom, ZONE)}</td>
                  <td class="num money">{formatRupiah(p.price)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
