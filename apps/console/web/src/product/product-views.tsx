import type { ComponentChildren } from 'preact';
import { ApiError, OfflineError } from '../api';
import { formatDay, formatNumber, formatRupiah, localDay } from '../format';
import { t } from '../i18n';
import { describeRefusal, figuresOf } from '../refusal';
import { formatBytes } from '../upt/attachment-upload';
import { attachmentContentUrl, navigate } from './product-api';
import { SCORE_NAMES, type Attachment, type Certificate, type Product, type ProductStatus, type Review } from './product-fields';

/**
 * What the UPT's pages and the curator's both show of a product: its status, facts, certificates, attachments
 * and reviews. Words from the `products` namespace.
 */

/** Why the catalog refused, in words: the product pages' own sentence for a catalog code, else the console's. */
export function refusalOf(error: unknown): string {
  if (error instanceof OfflineError) return t('products.offline');
  if (!(error instanceof ApiError)) return String(error);
  const known = t(`products.refusal.${error.code}`, { ...figuresOf(error.details), defaultValue: '' });
  return known || describeRefusal(error, t);
}

/** A link to another page of the console that opens it without reloading the app. */
export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

export function StatusBadge({ status }: { status: ProductStatus }) {
  return (
    <span class={`badge product-${status}`} data-testid="product-status" data-status={status}>
      {t(`products.status.${status}`)}
    </span>
  );
}

/** The browser's zone: an office reads times on its own clock. */
export const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `12 Des 2026` for a day, `—` for none. */
const dayOrDash = (day: string | null | undefined) => (day ? formatDay(day.slice(0, 10)) : '—');

export function ProductFacts({ product }: { product: Product }) {
  const rows: [string, ComponentChildren][] = [
    ['products.field.sku', <span class="sku">{product.sku}</span>],
    ['products.field.name', product.name],
    ['products.field.category', t(`products.category.${product.category}`)],
    ['products.field.unit', product.unit],
    ['products.field.price', <span class="money">{formatRupiah(product.price)}</span>],
    [
      'products.field.shelfLifeDays',
      product.shelfLifeDays === null ? t('products.noShelfLife') : t('products.days', { n: formatNumber(product.shelfLifeDays) }),
    ],
    ['products.field.description', product.description || '—'],
    ['products.field.upt', product.uptCode],
  ];
  return (
    <dl class="facts" data-testid="product-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CertificateTable({ certificates }: { certificates: Certificate[] }) {
  if (certificates.length === 0) return <p>{t('products.certificatesNone')}</p>;
  return (
    <div class="table-wrap">
      <table data-testid="certificates">
        <thead>
          <tr>
            <th scope="col">{t('products.certificateKind')}</th>
            <th scope="col">{t('products.certificateNumber')}</th>
            <th scope="col">{t('products.certificateIssuedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={`${c.kind}|${c.number}`}>
              <td>{t(`products.certificate.${c.kind}`)}</td>
              <td class="sku">{c.number}</td>
              <td>{dayOrDash(c.issuedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The product's photos as thumbnails (each opens the full image) and its certificate scans as links; a delete
 * button beside each when `onDelete` is given (the product is still editable).
 */
export function AttachmentList(props: { attachments: Attachment[]; onDelete?: (a: Attachment) => void; busy?: boolean }) {
  const photos = props.attachments.filter((a) => a.kind === 'photo');
  const scans = props.attachments.filter((a) => a.kind === 'certificate');
  const remove = (a: Attachment) =>
    props.onDelete && (
      <button type="button" class="secondary small" disabled={props.busy} onClick={() => props.onDelete!(a)}>
        {t('products.attachment.delete')}
        <span class="sr-only"> {a.filename}</span>
      </button>
    );
  return (
    <div class="attachments">
      <h3>{t('products.attachment.photos')}</h3>
      {photos.length === 0 ? (
        <p data-testid="photos-none">{t('products.attachment.photosNone')}</p>
      ) : (
        <ul class="thumbs" data-testid="photos">
          {photos.map((a) => (
            <li key={a.id}>
              <a href={attachmentContentUrl(a)} target="_blank" rel="noopener">
                <img src={attachmentContentUrl(a)} alt={t('products.attachment.photoAlt', { name: a.filename })} loading="lazy" />
              </a>
              <span class="hint">
                {a.filename} · {formatBytes(a.size)}
              </span>
              {remove(a)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('products.attachment.scans')}</h3>
      {scans.length === 0 ? (
        <p data-testid="scans-none">{t('products.attachment.scansNone')}</p>
      ) : (
        <ul class="scans" data-testid="scans">
          {scans.map((a) => (
            <li key={a.id}>
              <a href={attachmentContentUrl(a)} target="_blank" rel="noopener">
                {a.filename}
              </a>{' '}
              <span class="hint">
                {a.certificate
                  ? t(`products.certificate.${a.certificate}`, { defaultValue: a.certificate })
                  : t('products.attachment.noCertificate')}
                {' · '}
                {a.contentType === 'application/pdf' ? 'PDF' : t('products.attachment.image')} · {formatBytes(a.size)}
              </span>{' '}
              {remove(a)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Every curation review, newest first: the decision, the day, the four scores and the reason. */
export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return <p>{t('products.review.none')}</p>;
  return (
    <ol class="reviews" data-testid="reviews">
      {reviews.map((r) => (
        <li key={r.id} class={`review ${r.decision}`} data-decision={r.decision}>
          <p class="review-head">
            <span class={`badge product-${r.decision}`}>{t(`products.review.${r.decision}`)}</span>{' '}
            {t('products.review.on', { day: dayOrDash(r.decidedOn) })}
          </p>
          <ul class="scores">
            {SCORE_NAMES.map((name) => (
              <li key={name}>
                {t(`products.score.${name}`)}: <strong>{r.scores[name]}</strong>/5
              </li>
            ))}
          </ul>
          {r.notes && (
            <p class="review-notes" data-testid="review-notes">
              <span class="sr-only">{t('products.review.notes')}: </span>
              {r.notes}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Products as rows: SKU, name (the link), category, price, status, last change. Also the curator's lists. */
export function ProductTable(props: { products: Product[]; hrefOf: (p: Product) => string; showUpt?: boolean }) {
  return (
    <div class="table-wrap">
      <table data-testid="product-list">
        <thead>
          <tr>
            <th scope="col">{t('products.field.sku')}</th>
            <th scope="col">{t('products.field.name')}</th>
            {props.showUpt && <th scope="col">{t('products.field.upt')}</th>}
            <th scope="col">{t('products.field.category')}</th>
            <th scope="col" class="num">
              {t('products.field.price')}
            </th>
            <th scope="col">{t('products.list.statusCol')}</th>
            <th scope="col">{t('products.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.products.map((p) => (
            <tr key={p.id} data-sku={p.sku}>
              <td class="sku">{p.sku}</td>
              <td>
                <Link href={props.hrefOf(p)}>{p.name}</Link>
              </td>
              {props.showUpt && <td>{p.uptCode}</td>}
              <td>{t(`products.category.${p.category}`)}</td>
              <td class="num money">{formatRupiah(p.price)}</td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td>{formatDay(localDay(new Date(p.updatedAt), ZONE))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
