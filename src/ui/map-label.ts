/**
 * The map's accessible name and description, the same for the WebGL and the SVG renderer: the map box
 * is a region named "Map of coalition sites … on {date}", described by a short summary of the date
 * (phase and counts by status) that follows the slider. The site list and the table carry the details.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData } from '../data/types.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import { countsByStatus, phaseAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';

/** The one-paragraph summary of the map at a date: phase and counts by status. */
export function mapSummary(data: AppData, date: string, lang: Lang): string {
  const counts = countsByStatus(data.presence, date);
  const phase = phaseAt(data.timeline, date);
  const n = (k: keyof typeof counts) => formatNumber(lang, counts[k]);
  const summary = t(lang, 'map.description', {
    date: formatDate(lang, date),
    present: n('present'),
    drawdown: n('drawdown'),
    withdrawn: n('withdrawn'),
    unknown: n('unknown'),
  });
  return phase ? `${phase.label[lang]}. ${summary}` : summary;
}

/**
 * Makes mapEl a labelled region described by descEl (which must have an id) and keeps both in step
 * with the date and language; returns an unmount function.
 */
export function mountMapLabel(mapEl: HTMLElement, descEl: HTMLElement, data: AppData, store: Store): () => void {
  mapEl.setAttribute('role', 'region');
  mapEl.setAttribute('aria-describedby', descEl.id);
  let lastKey = '';
  const render = () => {
    const { date, lang } = store.get();
    const key = `${lang}|${date}`;
    if (key === lastKey) return;
    lastKey = key;
    mapEl.setAttribute('aria-label', t(lang, 'map.label', { date: formatDate(lang, date) }));
    descEl.textContent = mapSummary(data, date, lang);
  };
  render();
  const off = store.subscribe(render);
  return () => {
    off();
    for (const a of ['role', 'aria-label', 'aria-describedby']) mapEl.removeAttribute(a);
  };
}
