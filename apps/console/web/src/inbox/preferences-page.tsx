import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { preferences, savePreferences } from './inbox-api';

/** Preferensi notifikasi: e-mail on or off per kind; the inbox always holds every notice. */
export function PreferencesPage() {
  const [kinds, setKinds] = useState<{ kind: string; email: boolean }[]>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    preferences().then(
      (p) => setKinds(p.kinds),
      (e: Error) => setError(e.message),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    try {
      setKinds((await savePreferences(kinds!)).kinds);
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section>
      <h1>{t('inbox.preferences.title')}</h1>
      <p>{t('inbox.preferences.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {kinds && (
        <form onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{t('inbox.preferences.email')}</legend>
            {kinds.map((k) => (
              <label key={k.kind} class="inline check">
                <input
                  type="checkbox"
                  name={k.kind}
                  checked={k.email}
                  onChange={(e) => setKinds(kinds.map((o) => (o.kind === k.kind ? { ...o, email: e.currentTarget.checked } : o)))}
                />
                <span>{t(`inbox.kindName.${k.kind}`)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('inbox.preferences.save')}</button>
          {saved && <p role="status">{t('inbox.preferences.saved')}</p>}
        </form>
      )}
    </section>
  );
}
