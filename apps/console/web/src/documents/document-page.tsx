import { useEffect, useRef, useState } from 'preact/hooks';
import { signIn } from '../api';
import { t } from '../i18n';
import { documentPdfPath, filenameOf, labelsPdfPath, refusalKey, type DocumentKind } from './document-source';

type Loaded = { state: 'loading' } | { state: 'shown'; blobUrl: string; filename: string } | { state: 'refused'; message: string };

/**
 * A printed document opened by its QR code (or a link): the PDF itself, a download link and a print button. The PDF
 * is fetched once through the console's backend and shown from memory (a blob: frame), so a refusal (another
 * party's document, a BAST before the receipt) reads as a sentence instead of an error page inside the frame.
 */
export function DocumentPage({ kind, id }: { kind: DocumentKind; id?: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [frameLoaded, setFrameLoaded] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const pdfPath = id ? documentPdfPath(kind, id) : undefined;

  useEffect(() => {
    if (!pdfPath || !id) return;
    let blobUrl: string | undefined;
    void (async () => {
      try {
        const response = await fetch(pdfPath, { credentials: 'same-origin', headers: { accept: 'application/pdf' } });
        if (response.status === 401) signIn();
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
          setLoaded({
            state: 'refused',
            message: t(refusalKey(response.status, body.code ?? ''), { reason: body.message ?? response.statusText }),
          });
          return;
        }
        blobUrl = URL.createObjectURL(await response.blob());
        setLoaded({ state: 'shown', blobUrl, filename: filenameOf(response.headers.get('content-disposition'), kind, id) });
      } catch (e) {
        setLoaded({ state: 'refused', message: t('documents.failed', { reason: (e as Error).message }) });
      }
    })();
    return () => blobUrl && URL.revokeObjectURL(blobUrl);
  }, [pdfPath]);

  const title = t(`documents.kind.${kind}`);
  return (
    <section aria-labelledby="doc-title" class="document">
      <h1 id="doc-title">{title}</h1>
      {loaded.state === 'loading' && <p role="status">{t('documents.loading')}</p>}
      {loaded.state === 'refused' && (
        <p role="alert" class="message refused" data-testid="document-refused">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'shown' && pdfPath && (
        <>
          <p data-testid="document-file">
            {t('documents.file')}: <strong>{loaded.filename}</strong>
          </p>
          <div class="actions">
            <a class="button-link" href={pdfPath} download={loaded.filename} data-testid="document-download">
              {t('documents.download')}
            </a>
            <button type="button" class="secondary" onClick={() => print(frame.current, loaded.blobUrl)}>
              {t('documents.print')}
            </button>
            {kind === 'surat-jalan' && id && (
              <a class="button-link secondary" href={labelsPdfPath(id)} download data-testid="document-labels">
                {t('documents.labels')}
              </a>
            )}
          </div>
          <iframe
            ref={frame}
            class="document-frame"
            title={t('documents.frameTitle', { title, file: loaded.filename })}
            src={loaded.blobUrl}
            onLoad={() => setFrameLoaded(true)}
            data-loaded={frameLoaded}
          />
        </>
      )}
    </section>
  );
}

/** Prints the PDF in the frame (the browser's PDF viewer); without one (a browser that downloads PDFs), in a new tab. */
function print(frame: HTMLIFrameElement | null, blobUrl: string): void {
  try {
    frame?.contentWindow?.focus();
    frame?.contentWindow?.print();
  } catch {
    window.open(blobUrl, '_blank', 'noopener');
  }
}
