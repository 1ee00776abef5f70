import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleContext, type Console } from './console-context';
import { signOut, type Session } from './api';
import { cached, loadVenue, type Venue } from './data';
import { setLanguage, t, type Language } from './i18n';
import { idbStorage } from './idb-storage';
import { sendSales } from './api';
import { memoryStorage, SaleQueue, type FlushResult, type QueueStorage, type SentLine } from './sale-queue';
import { MonthEndPage } from './pages/month-end';
import { NearExpiryPage } from './pages/near-expiry';
import { CustomerReturnPage } from './pages/customer-return';
import { ReceivePage } from './pages/receive';
import { StockCountPage } from './pages/stock-count';
import { TillPage } from './pages/till';
import { UploadPage } from './pages/upload';
import { UptReturnPage } from './pages/upt-return';
import { matchRoute } from './office/office-route';
import { officeRoutes } from './office/office-routes';
import { Bell } from './inbox/bell';
import { INBOX_ROUTES } from './inbox/routes';
import { DOCUMENT_ROUTES } from './documents/routes';

const ROUTES = [
  { path: '/kasir', label: 'nav.till', Page: TillPage },
  { path: '/penerimaan', label: 'nav.receive', Page: ReceivePage },
  { path: '/kedaluwarsa', label: 'nav.nearExpiry', Page: NearExpiryPage },
  { path: '/akhir-bulan', label: 'nav.monthEnd', Page: MonthEndPage },
  { path: '/unggah', label: 'nav.upload', Page: UploadPage },
  { path: '/stok-opname', label: 'nav.stockCount', Page: StockCountPage },
  { path: '/retur-pelanggan', label: 'nav.customerReturn', Page: CustomerReturnPage },
  { path: '/retur-upt', label: 'nav.uptReturn', Page: UptReturnPage },
] as const;

function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: string) => {
    history.pushState(null, '', next);
    setPath(next);
  }, []);
  return [path, go];
}

export function App({ session }: { session: Session }) {
  const [, rerender] = useState(0);
  const changeLanguage = async (lng: Language) => {
    await setLanguage(lng);
    rerender((n) => n + 1);
  };
  if (session.role !== 'venue') return <OfficeConsole session={session} onLanguage={(lng) => void changeLanguage(lng)} />;
  if (!session.scope) {
    return (
      <Frame session={session} venueName={null} onLanguage={(lng) => void changeLanguage(lng)} go={(path) => location.assign(path)}>
        <main id="main" tabIndex={-1}>
          <h1>{t('role.title')}</h1>
          <p>{t('role.body', { role: session.role })}</p>
        </main>
      </Frame>
    );
  }
  return <VenueConsole session={session} onLanguage={(lng) => void changeLanguage(lng)} />;
}

function VenueConsole({ session, onLanguage }: { session: Session; onLanguage: (lng: Language) => void }) {
  const code = session.scope!;
  const [venue, setVenue] = useState<Venue | undefined>(cached<Venue>('venue', code));
  const [storage, setStorage] = useState<QueueStorage>();
  const [online, setOnline] = useState(navigator.onLine);
  const [waiting, setWaiting] = useState(0);
  const [lateResults, setLateResults] = useState<SentLine[]>([]);
  const [path, go] = usePath();

  useEffect(() => {
    loadVenue(code).then(setVenue, () => undefined);
    idbStorage().then(setStorage, () => setStorage(memoryStorage()));
  }, [code]);

  const queue = useMemo(() => storage && new SaleQueue(storage, sendSales, code), [storage, code]);

  const flush = useCallback(async (): Promise<FlushResult> => {
    const result = await queue!.flush();
    setWaiting(result.waiting);
    setOnline(navigator.onLine && result.stopped?.kind !== 'retry');
    return result;
  }, [queue]);

  useEffect(() => {
    if (!queue) return;
    // what a closed tab or a reload left behind goes up as soon as the till is back
    const drain = async () => {
      const before = await queue.waiting();
      setWaiting(before);
      if (before === 0 || !navigator.onLine) return;
      const result = await flush();
      if (result.sent.length) setLateResults((old) => [...result.sent, ...old].slice(0, 200));
    };
    void drain();
    const goOnline = () => {
      setOnline(true);
      void drain();
    };
    const goOffline = () => setOnline(false);
    addEventListener('online', goOnline);
    addEventListener('offline', goOffline);
    const timer = setInterval(() => void drain(), 15_000);
    return () => {
      removeEventListener('online', goOnline);
      removeEventListener('offline', goOffline);
      clearInterval(timer);
    };
  }, [queue, flush]);

  // a printed document's QR code opens its page here too: the venue is a party to its surat jalan, BAST and returns
  const printed = matchRoute(DOCUMENT_ROUTES, path) ?? matchRoute(INBOX_ROUTES, path);
  const isPrinted = printed !== undefined;
  useEffect(() => {
    if (path === '/' || (!ROUTES.some((r) => r.path === path) && !isPrinted)) go('/kasir');
  }, [path, go, isPrinted]);

  if (!venue || !storage || !queue) return <p class="loading">{t('app.loading')}</p>;
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0];
  const value: Console = { session, venue, storage, queue, online, waiting, lateResults, flush, noteOffline: () => setOnline(false) };
  return (
    <ConsoleContext.Provider value={value}>
      <Frame session={session} venueName={venue.name} onLanguage={onLanguage} sales={{ online, waiting }} go={go}>
        {/* a printed document (or the inbox) is none of the menu's pages */}
        {/* an exhibition settles per event period: its month-end page closes the period (decision 0029) */}
        <Nav
          items={
            venue.type === 'exhibition' ? ROUTES.map((r) => (r.label === 'nav.monthEnd' ? { ...r, label: 'nav.eventClose' } : r)) : ROUTES
          }
          current={printed ? '' : route.path}
          go={go}
        />
        <main id="main" tabIndex={-1}>
          {printed ? <printed.route.Page key={path} param={printed.param} /> : <route.Page />}
        </main>
      </Frame>
    </ConsoleContext.Provider>
  );
}

/**
 * The office console: every role but the venue's, with the pages its role has. A role without pages of its own
 * is told which console is for it.
 */
function OfficeConsole({ session, onLanguage }: { session: Session; onLanguage: (lng: Language) => void }) {
  const routes = useMemo(() => officeRoutes(session.role), [session.role]);
  const menu = routes.filter((r) => r.label);
  const [path, go] = usePath();
  const found = matchRoute(routes, path);

  useEffect(() => {
    if (!found && menu.length) go(menu[0].path);
  }, [found, menu, go]);

  if (!found) {
    return (
      <Frame session={session} venueName={null} onLanguage={onLanguage} go={go}>
        <main id="main" tabIndex={-1}>
          <h1>{t('role.title')}</h1>
          <p>{t('role.body', { role: session.role })}</p>
        </main>
      </Frame>
    );
  }
  const { route, param } = found;
  return (
    <Frame session={session} venueName={null} onLanguage={onLanguage} go={go}>
      <Nav items={menu.map((r) => ({ path: r.path, label: r.label! }))} current={menuEntryOf(menu, path)} go={go} />
      <main id="main" tabIndex={-1}>
        <route.Page key={path} param={param} />
      </main>
    </Frame>
  );
}

/** The menu entry a page belongs to: its own, else the longest entry its path extends (a product under /produk). */
function menuEntryOf(menu: readonly { path: string }[], path: string): string {
  const owners = menu.filter((r) => path === r.path || path.startsWith(`${r.path}/`));
  return owners.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

/** The main menu; links that open their page without reloading the app. */
function Nav(props: { items: readonly { path: string; label: string }[]; current: string; go: (path: string) => void }) {
  return (
    <nav aria-label={t('app.nav')} class="nav">
      <ul>
        {props.items.map((r) => (
          <li key={r.path}>
            <a
              href={r.path}
              aria-current={r.path === props.current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                props.go(r.path);
              }}
            >
              {t(r.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Frame(props: {
  session: Session;
  venueName: string | null;
  onLanguage: (lng: Language) => void;
  /** The till's connection and sale queue: shown in the venue's console only. */
  sales?: { online: boolean; waiting: number };
  /** Opens a page of the console (the bell opens the inbox). */
  go: (path: string) => void;
  children: preact.ComponentChildren;
}) {
  const { session, venueName, sales } = props;
  const lng = document.documentElement.lang === 'en' ? 'en' : 'id';
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <div class="brand">
          <span class="app-name">{t('app.title')}</span>
          {venueName && (
            <span class="venue" data-testid="venue-name">
              <span class="sr-only">{t('header.venue')}: </span>
              {venueName}
            </span>
          )}
        </div>
        <div class="tools">
          <span class="person">
            <span class="sr-only">{t('header.person')}: </span>
            {session.name || session.username}
          </span>
          {session.role !== 'venue' && session.scope && <span class="person">{session.scope}</span>}
          {sales && (
            <span
              class={`net ${sales.online ? 'on' : 'off'}`}
              role="status"
              aria-label={t('header.status')}
              data-testid="net-status"
              data-waiting={sales.waiting}
            >
              <span class="dot" aria-hidden="true" />
              {sales.online ? t('header.online') : t('header.offline')}
              {' · '}
              {sales.waiting > 0 ? t('header.waiting', { count: sales.waiting }) : t('header.nothingWaiting')}
            </span>
          )}
          <Bell go={props.go} />
          <label class="lang">
            <span>{t('header.language')}</span>
            <select value={lng} onChange={(e) => props.onLanguage(e.currentTarget.value as Language)}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" class="secondary" onClick={() => void signOut()}>
            {t('header.signOut')}
          </button>
        </div>
      </header>
      {props.children}
    </div>
  );
}
