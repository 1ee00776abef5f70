import { useEffect, useState } from 'preact/hooks';
import { productNames } from '../data';
import { formatDay, formatNumber } from '../format';
import { t } from '../i18n';
import {
  confirmProposal,
  loadExhibitions,
  loadProposals,
  refusalText,
  units,
  type Exhibition,
  type ProposedReturn,
} from './exhibition-data';

/**
 * At an exhibition's venue, on the Retur ke UPT page: once the event has ended, the return of each UPT's unsold goods
 * the system proposes from the stock on hand, which the exhibition's staff confirm in one action (consignment ships
 * it to the UPT). Shows nothing at a venue that is no exhibition. `onShipped` reloads the page's stock and returns.
 */
export function ProposedReturnsSection(props: { venueCode: string; onShipped: () => void }) {
  const [exhibition, setExhibition] = useState<Exhibition>();
  const [proposals, setProposals] = useState<ProposedReturn[]>();
  const [names, setNames] = useState(new Map<string, { sku: string; name: string }>());
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();

  const load = async () => {
    try {
      // a venue sees its own exhibition only
      const [own] = (await loadExhibitions()).filter((e) => e.code === props.venueCode);
      setExhibition(own);
      if (!own) return;
      const found = await loadProposals(own.id);
      setProposals(found);
      if (found) setNames(await productNames(found.map((p) => p.uptCode)));
    } catch (e) {
      setError(refusalText(e));
    }
  };
  useEffect(() => void load(), [props.venueCode]);

  if (!exhibition)
    return error ? (
      <p role="alert" class="message refused">
        {error}
      </p>
    ) : null;
  const label = (productId: string) => {
    const p = names.get(productId);
    return p ? `${p.name} (${p.sku})` : productId;
  };
  const confirm = async (p: ProposedReturn) => {
    setBusy(p.id);
    try {
      await confirmProposal(p.id);
      setError(undefined);
      setDone(t('exhibition.confirmed', { upt: p.uptCode, units: formatNumber(units(p)) }));
      await load();
      props.onShipped();
    } catch (e) {
      setDone(undefined);
      setError(refusalText(e));
    } finally {
      setBusy(undefined);
    }
  };
  const waiting = proposals?.filter((p) => p.status === 'PROPOSED') ?? [];
  const confirmed = proposals?.filter((p) => p.status === 'CONFIRMED') ?? [];

  return (
    <section aria-labelledby="proposals-title" data-testid="exhibition-proposals">
      <h2 id="proposals-title">{t('exhibition.proposalsTitle', { name: exhibition.name })}</h2>
      <div role="status">{done && <p class="message ok">{done}</p>}</div>
      {error && (
        <p role="alert" class="message refused">
          {error}
        </p>
      )}
      {proposals === undefined && <p class="hint">{t('exhibition.proposalsAfter', { last: formatDay(exhibition.last) })}</p>}
      {proposals?.length === 0 && <p>{t('exhibition.nothingOnHand')}</p>}
      {waiting.length > 0 && (
        <ul class="statements">
          {waiting.map((p) => (
            <li key={p.id} class="statement" data-upt={p.uptCode}>
              <h3>{t('exhibition.proposalHeading', { upt: p.uptCode, units: formatNumber(units(p)) })}</h3>
              <ul class="plain-list">
                {p.lines.map((l) => (
                  <li key={`${l.productId}|${l.lotCode}|${l.bucket}`}>
                    {t('exhibition.lotLine', { units: formatNumber(l.quantity), label: label(l.productId), lot: l.lotCode })}
                  </li>
                ))}
              </ul>
              <div class="actions">
                <button type="button" disabled={busy === p.id} onClick={() => void confirm(p)}>
                  {t('exhibition.confirm', { upt: p.uptCode })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirmed.length > 0 && (
        <p data-testid="exhibition-proposals-confirmed">
          {t('exhibition.alreadyShipped', { upts: confirmed.map((p) => p.uptCode).join(', ') })}
        </p>
      )}
    </section>
  );
}
