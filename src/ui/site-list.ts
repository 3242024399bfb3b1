/**
 * Every site on the map as a button (the keyboard path to the symbols), with its status at the date.
 * Sites with no sourced position are in the "Not on the map" block (ui/unplaced.ts).
 */
import { t } from '../i18n/index.ts';
import type { SceneOf, SceneSite } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h, keepingSiteFocus } from './dom.ts';

/** Mounts the site list; selecting a site writes AppState.site. */
export function mountSiteList(parent: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  const root = h('section', { class: 'sites', 'aria-labelledby': 'sites-title' });
  parent.append(root);
  let lastKey = '';
  const render = () => {
    const state = store.get();
    const { lang, site } = state;
    const rows = sceneOf(state).sites.filter((f) => f.position);
    const key = `${lang}|${site}|${rows.map((r) => `${r.state?.basis}${r.shortText}`).join(',')}`;
    if (key === lastKey) return;
    lastKey = key;
    keepingSiteFocus(root, () =>
      root.replaceChildren(
        h('h2', { id: 'sites-title' }, t(lang, 'panel.sites')),
        h('ul', { class: 'site-list' }, ...rows.map((f) => h('li', {}, siteButton(store, f, site)))),
      ),
    );
  };
  render();
  const off = store.subscribe(render);
  return () => {
    off();
    root.remove();
  };
}

/**
 * A site as a button of a list (here and in "Not on the map"): swatch, name and its status in a few
 * words; pressing it opens (or closes) the site's details. The name comes from the visible text (WCAG
 * 2.5.3, label in name): the separator is only hidden visually.
 */
export function siteButton(store: Store, f: SceneSite, selected: string | null): HTMLButtonElement {
  const st = f.state;
  const btn = h(
    'button',
    { type: 'button', 'data-site': f.id, 'aria-pressed': String(selected === f.id) },
    h('span', {
      class: 'swatch',
      'data-status': st?.status ?? 'none',
      'data-basis': st?.basis ?? 'reported',
      'aria-hidden': 'true',
    }),
    h('span', { class: 'site-name' }, f.name),
    h('span', { class: 'visually-hidden' }, ': '),
    h('span', { class: 'status-text' }, f.shortText),
  );
  btn.addEventListener('click', () => store.set({ site: selected === f.id ? null : f.id }, 'push'));
  return btn;
}
