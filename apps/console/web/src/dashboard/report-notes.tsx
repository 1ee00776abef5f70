import { useState } from 'preact/hooks';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { xlsxUrl } from './report-filters';
import type { Freshness } from './report-series';

/*
 * The parts every report page shows, chart or not: how fresh its data are, in which zone, and its XLSX download.
 * Kept apart from report-parts.tsx (which fetches Chart.js as soon as it loads) so that a page without a chart,
 * the exhibition report, uses them without fetching Chart.js.
 */

// the zone stays as it was chosen while the person moves between the report pages
let keptZone = 'Asia/Jakarta';

/** The zone the freshness is shown in: WIB, WITA or WIT. */
export const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export function useZone(): [string, (zone: string) => void] {
  const [zone, setZone] = useState(keptZone);
  return [
    zone,
    (next) => {
      keptZone = next;
      setZone(next);
    },
  ];
}

/** The zone the freshness is shown in, as a field of a filter bar or a report's tools. */
export function ZoneField(props: { zone: string; onZone: (zone: string) => void }) {
  return (
    <label>
      <span>{t('dashboard.zone')}</span>
      <select name="zone" value={props.zone} onChange={(e) => props.onZone(e.currentTarget.value)}>
        {ZONES.map((z) => (
          <option key={z} value={z}>
            {t(`dashboard.zones.${z}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** When the data were last brought up to date (the read models' last event), in the chosen zone. */
export function FreshnessNote({ freshness, zone }: { freshness?: Freshness; zone: string }) {
  const at = freshness?.lastEventTime;
  return (
    <p class="freshness" data-testid="freshness" data-last-event={at ?? ''}>
      {at ? t('dashboard.freshness', { at: formatDateTime(at, zone) }) : t('dashboard.noFreshness')}
    </p>
  );
}

export function XlsxLink({ url, name }: { url: string; name: string }) {
  return (
    <a class="download" href={xlsxUrl(url)} download>
      {t('dashboard.downloadXlsx', { name })}
    </a>
  );
}
