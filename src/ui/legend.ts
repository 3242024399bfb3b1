/** The legend, bound to the date: counts of sites by status, the basis encoding, zone and footprint keys. */
import type { AppData } from '../data/types.ts';
import { STATUSES } from '../data/schema.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import { countsByStatus } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';

/** Mounts the legend into parent; returns an unmount function. */
export function mountLegend(parent: HTMLElement, data: AppData, store: Store): () => void {
  const root = h('section', { class: 'legend', 'aria-labelledby': 'legend-title' });
  parent.append(root);
  const render = () => {
    const { date, lang } = store.get();
    const counts = countsByStatus(data.presence, date);
    const items = STATUSES.map((s) =>
      h(
        'li',
        { 'data-status': s },
        h('span', { class: 'swatch', 'data-status': s, 'aria-hidden': 'true' }),
        h('span', {}, t(lang, `status.${s}`)),
        h('span', { class: 'count' }, formatNumber(lang, counts[s] ?? 0)),
      ),
    );
    root.replaceChildren(
      h('h2', { id: 'legend-title' }, t(lang, 'legend.title', { date: formatDate(lang, date) })),
      h('ul', {}, ...items),
      h(
        'ul',
        { class: 'legend-keys' },
        h(
          'li',
          {},
          h('span', { class: 'swatch', 'data-status': 'present', 'data-basis': 'confirmed', 'aria-hidden': 'true' }),
          h('span', { class: 'swatch', 'data-status': 'present', 'data-basis': 'reported', 'aria-hidden': 'true' }),
          h('span', { class: 'swatch', 'data-status': 'present', 'data-basis': 'announced', 'aria-hidden': 'true' }),
          h('span', {}, t(lang, 'legend.basis')),
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch swatch-approx', 'aria-hidden': 'true' }),
          h('span', {}, t(lang, 'legend.approximate')),
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch swatch-zone', 'aria-hidden': 'true' }),
          h('span', {}, t(lang, 'legend.zone')),
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch swatch-footprint', 'aria-hidden': 'true' }),
          h('span', {}, t(lang, 'legend.footprint')),
        ),
      ),
    );
  };
  render();
  const off = store.subscribe((s, p) => {
    if (s.date !== p.date || s.lang !== p.lang) render();
  });
  return () => {
    off();
    root.remove();
  };
}
