import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

type PageComponent = FunctionComponent<{ param?: string }>;

/** A page whose code is fetched when it is first opened (an office area's pages stay out of the till's first bundle). */
export function lazyPage(load: () => Promise<PageComponent>): PageComponent {
  let loaded: PageComponent | undefined;
  return function LazyPage(props) {
    const [Page, setPage] = useState<PageComponent | undefined>(() => loaded);
    useEffect(() => {
      if (!Page)
        void load().then((page) => {
          loaded = page;
          setPage(() => page);
        });
    }, []);
    return Page ? <Page {...props} /> : <p class="loading">{t('app.loading')}</p>;
  };
}
