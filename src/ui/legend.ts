/** The legend, bound to the date: counts of sites by status, the basis encoding, zone and footprint keys. */

import { STATUSES } from '../data/schema.ts';
import { formatNumber, t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

/** Mounts the legend into parent; returns an unmount function. */
export function mountLegend(parent: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  const root = h('section', { class: 'legend', 'aria-labelledby': 'legend-title' });
  parent.append(root);
  // Built per language; a date change (every slider step) only rewrites the title and the counts that changed.
  let title: HTMLElement = h('h2');
  const countEls = new Map<(typeof STATUSES)[number], HTMLElement>();
  const build = () => {
    const { lang } = store.get();
    countEls.clear();
    const items = STATUSES.map((s) => {
      const count = h('span', { class: 'count' });
      countEls.set(s, count);
      return h(
        'li',
        { 'data-status': s },
        h('span', { class: 'swatch', 'data-status': s, 'aria-hidden': 'true' }),
        h('span', {}, t(lang, `status.${s}`)),
        count,
      );
    });
    title = h('h2', { id: 'legend-title' });
    root.replaceChildren(
      title,
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
  const render = () => {
    const scene = sceneOf(store.get());
    setText(title, scene.legendTitle);
    for (const [s, el] of countEls) setText(el, formatNumber(scene.lang, scene.counts[s] ?? 0));
  };
  build();
  render();
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) build();
    if (s.date !== p.date || s.lang !== p.lang) render();
  });
  return () => {
    off();
    root.remove();
  };
}
