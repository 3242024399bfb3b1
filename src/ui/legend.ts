/**
 * The legend, bound to the date: how current the facts are, counts of sites by status (with how many
 * of them are on the map, and "not known" after the last report), the basis encoding, the dotted
 * ring and the zone. (Ain al-Asad's footprint has no key: at every zoom the map allows it lies under
 * the base's own symbol; the callout names the base.)
 */

import { STATUSES } from '../data/schema.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

/** Mounts the legend into parent; returns an unmount function. */
export function mountLegend(parent: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  const root = h('section', { class: 'legend', 'aria-labelledby': 'legend-title' });
  parent.append(root);
  // Built per language; a date change (every slider step) only rewrites the title and the counts that changed.
  let title: HTMLElement = h('h2');
  const asOf = h('p', { class: 'as-of', 'data-testid': 'legend-as-of' });
  const note = h('p', { class: 'legend-note', 'data-testid': 'legend-note' });
  const countEls = new Map<(typeof STATUSES)[number], { count: HTMLElement; onMap: HTMLElement }>();
  const build = () => {
    const { lang } = store.get();
    countEls.clear();
    const items = STATUSES.map((s) => {
      const count = h('span', { class: 'count' });
      const onMap = h('span', { class: 'on-map' });
      countEls.set(s, { count, onMap });
      return h(
        'li',
        { 'data-status': s },
        h('span', { class: 'swatch', 'data-status': s, 'aria-hidden': 'true' }),
        h('span', { class: 'status-name' }, t(lang, `status.${s}`), onMap),
        count,
      );
    });
    title = h('h2', { id: 'legend-title' });
    root.replaceChildren(
      title,
      asOf,
      h('ul', {}, ...items),
      note,
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
      ),
    );
  };
  const render = () => {
    const scene = sceneOf(store.get());
    const { lang, fresh } = scene;
    setText(title, scene.legendTitle);
    setText(asOf, `${fresh.asOfText}.`);
    for (const [s, el] of countEls) {
      setText(el.count, scene.countText[s]);
      // "3 on the map" where some of the counted sites have no sourced position.
      const drawn = scene.drawnCounts[s];
      const known = !(fresh.afterReporting && (s === 'present' || s === 'drawdown'));
      setText(
        el.onMap,
        known && drawn < scene.counts[s] ? ` · ${t(lang, 'legend.onMap', { count: formatNumber(lang, drawn) })}` : '',
      );
    }
    const lines: string[] = [];
    if (fresh.afterReporting)
      lines.push(t(lang, 'legend.afterReporting', { date: formatDate(lang, fresh.reportingEnds) }));
    else if (scene.gapCount > 0) lines.push(t(lang, 'legend.gap', { count: formatNumber(lang, scene.gapCount) }));
    setText(note, lines.join(' '));
    note.hidden = lines.length === 0;
    if (root.dataset.afterReporting !== String(fresh.afterReporting))
      root.dataset.afterReporting = String(fresh.afterReporting);
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
