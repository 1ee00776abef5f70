import { render } from 'preact';
import { loadSession } from './api';
import { App } from './app';
import { initI18n, t } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  await initI18n();
  document.title = t('app.title');
  const root = document.getElementById('app')!;
  try {
    const session = await loadSession();
    render(<App session={session} />, root);
  } catch (error) {
    root.textContent = t('error.load', { reason: (error as Error).message });
  }
  // the app shell from the device's cache, so the till opens (and queues sales) without a connection
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

void start();
