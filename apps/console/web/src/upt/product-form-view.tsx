import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { CERTIFICATE_KINDS, PRODUCT_CATEGORIES, type CertificateKind, type ProductStatus } from '../product/product-fields';
import {
  CERTIFICATE_EXAMPLE,
  editableFields,
  newCertificate,
  problemsFor,
  type CertificateEntry,
  type FormProblems,
  type ProductFormValues,
} from './product-form';

type TextField = 'sku' | 'name' | 'unit' | 'price' | 'shelfLifeDays';

/**
 * The product's fields, each editable only when the product's state lets it change (`status` null: a new
 * product). Problems show once the clerk tries to save, beside their fields; the first gets the focus.
 */
export function ProductFormView(props: {
  status: ProductStatus | null;
  initial: ProductFormValues;
  saveLabel: string;
  busy: boolean;
  onSave: (values: ProductFormValues) => void;
}) {
  const [values, setValues] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const editable = editableFields(props.status);
  const problems: FormProblems = tried ? problemsFor(props.status, values) : {};
  const set = <K extends keyof ProductFormValues>(field: K, value: ProductFormValues[K]) =>
    setValues((old) => ({ ...old, [field]: value }));
  const setCertificate = (index: number, change: Partial<CertificateEntry>) =>
    set(
      'certificates',
      values.certificates.map((c, i) => (i === index ? { ...c, ...change } : c)),
    );

  const save = (e: Event) => {
    e.preventDefault();
    setTried(true);
    const found = problemsFor(props.status, values);
    const first = Object.keys(found)[0];
    if (first) {
      // after the render that shows the problems
      setTimeout(() => document.getElementById(`pf-${first.replace(/\./g, '-')}`)?.focus(), 0);
      return;
    }
    props.onSave(values);
  };

  const problemOf = (key: string) => {
    const problem = problems[key];
    return problem ? (
      <span class="problems" id={`pf-${key.replace(/\./g, '-')}-problem`}>
        {t(`products.problem.${problem}`)}
      </span>
    ) : null;
  };
  const describedBy = (key: string, hint?: string) =>
    [problems[key] ? `pf-${key.replace(/\./g, '-')}-problem` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  const text = (field: TextField, options: { inputMode?: 'numeric' | 'text'; hint?: string; required?: boolean } = {}) => {
    const id = `pf-${field}`;
    const hintId = options.hint ? `${id}-hint` : undefined;
    return (
      <div class="field">
        <label for={id}>
          {t(`products.field.${field}`)}
          {options.required && <span class="req"> {t('products.required')}</span>}
        </label>
        <input
          id={id}
          name={field}
          value={values[field]}
          disabled={!editable.includes(field)}
          inputMode={options.inputMode}
          aria-invalid={problems[field] ? true : undefined}
          aria-describedby={describedBy(field, hintId)}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
        {options.hint && (
          <span class="hint" id={hintId}>
            {options.hint}
          </span>
        )}
        {problemOf(field)}
      </div>
    );
  };

  return (
    <form class="product-form" onSubmit={save} autoComplete="off" noValidate data-testid="product-form">
      <div class="grid-2">
        {text('sku', { hint: t('products.hint.sku'), required: true })}
        {text('name', { required: true })}
        <div class="field">
          <label for="pf-category">
            {t('products.field.category')}
            <span class="req"> {t('products.required')}</span>
          </label>
          <select
            id="pf-category"
            name="category"
            value={values.category}
            disabled={!editable.includes('category')}
            aria-invalid={problems.category ? true : undefined}
            aria-describedby={describedBy('category')}
            onChange={(e) => set('category', e.currentTarget.value as ProductFormValues['category'])}
          >
            <option value="">{t('products.choose')}</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`products.category.${c}`)}
              </option>
            ))}
          </select>
          {problemOf('category')}
        </div>
        {text('unit', { hint: t('products.hint.unit'), required: true })}
        {text('price', { inputMode: 'numeric', hint: t('products.hint.price'), required: true })}
        {text('shelfLifeDays', { inputMode: 'numeric', hint: t('products.hint.shelfLifeDays') })}
      </div>
      <div class="field">
        <label for="pf-description">{t('products.field.description')}</label>
        <textarea
          id="pf-description"
          name="description"
          rows={3}
          value={values.description}
          disabled={!editable.includes('description')}
          aria-invalid={problems.description ? true : undefined}
          aria-describedby={describedBy('description')}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
        {problemOf('description')}
      </div>
      <fieldset class="plain certificates-edit">
        <legend>{t('products.certificates')}</legend>
        {values.certificates.length === 0 && <p class="hint">{t('products.certificatesNone')}</p>}
        {values.certificates.map((c, i) => {
          const key = `certificates.${i}`;
          const off = !editable.includes('certificates');
          return (
            <fieldset class="certificate" key={i} data-testid={`certificate-${i}`}>
              <legend>{t('products.certificateN', { n: i + 1 })}</legend>
              <div class="row">
                <div class="field">
                  <label for={`pf-${key.replace('.', '-')}-kind`}>{t('products.certificateKind')}</label>
                  <select
                    id={`pf-${key.replace('.', '-')}-kind`}
                    value={c.kind}
                    disabled={off}
                    onChange={(e) => setCertificate(i, { kind: e.currentTarget.value as CertificateKind })}
                  >
                    {CERTIFICATE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`products.certificate.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field grow">
                  <label for={`pf-${key.replace('.', '-')}-number`}>{t('products.certificateNumber')}</label>
                  <input
                    id={`pf-${key.replace('.', '-')}-number`}
                    value={c.number}
                    disabled={off}
                    aria-invalid={problems[`${key}.number`] ? true : undefined}
                    aria-describedby={describedBy(`${key}.number`, `pf-${key.replace('.', '-')}-example`)}
                    onInput={(e) => setCertificate(i, { number: e.currentTarget.value })}
                  />
                  <span class="hint" id={`pf-${key.replace('.', '-')}-example`}>
                    {t('products.example', { example: CERTIFICATE_EXAMPLE[c.kind] })}
                  </span>
                  {problemOf(`${key}.number`)}
                </div>
                <div class="field">
                  <label for={`pf-${key.replace('.', '-')}-issuedOn`}>{t('products.certificateIssuedOn')}</label>
                  <input
                    id={`pf-${key.replace('.', '-')}-issuedOn`}
                    type="date"
                    value={c.issuedOn}
                    disabled={off}
                    aria-invalid={problems[`${key}.issuedOn`] ? true : undefined}
                    aria-describedby={describedBy(`${key}.issuedOn`)}
                    onInput={(e) => setCertificate(i, { issuedOn: e.currentTarget.value })}
                  />
                  {problemOf(`${key}.issuedOn`)}
                </div>
                {!off && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      set(
                        'certificates',
                        values.certificates.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('products.certificateRemove', { n: i + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        {editable.includes('certificates') && (
          <button
            type="button"
            class="secondary"
            onClick={() => set('certificates', [...values.certificates, newCertificate(values.certificates)])}
          >
            {t('products.certificateAdd')}
          </button>
        )}
        {problemOf('certificates')}
      </fieldset>
      {tried && Object.keys(problems).length > 0 && (
        <p class="message refused" role="alert">
          {t('products.fixProblems', { count: Object.keys(problems).length })}
        </p>
      )}
      {editable.length > 0 && (
        <div class="actions">
          <button type="submit" disabled={props.busy}>
            {props.saveLabel}
          </button>
        </div>
      )}
    </form>
  );
}
