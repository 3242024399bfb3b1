/**
 * "Not on the map": the sites with a status at the date but no sourced position, next to the legend,
 * each with its status and why it is not placed (its location note). A button opens its details, as
 * a symbol on the map would. The map never invents a position for them.
 */
import { formatNumber, t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { disclosure } from './disclosure.ts';
import { h, keepingSiteFocus } from './dom.ts';
import { siteButton } from './site-list.ts';

/**
 * Mounts the block into parent; it hides itself when every site at the date is placed. Open on the
 * page; closed in the embed (its title still gives the count), where the frame's height is precious.
 */
export function mountUnplaced(parent: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  const panel = disclosure('unplaced', 'unplaced');
  const root = panel.root;
  root.dataset.testid = 'unplaced';
  const intro = h('p', { class: 'intro' });
  const list = h('ul', { class: 'site-list' });
  panel.body.append(intro, list);
  panel.open(!store.get().embed);
  parent.append(root);
  let lastKey = '';
  const render = () => {
    const state = store.get();
    const scene = sceneOf(state);
    const { lang } = scene;
    const key = `${lang}|${state.site}|${scene.unmapped.map((s) => `${s.id}:${s.shortText}`).join(',')}`;
    if (key === lastKey) return;
    lastKey = key;
    root.hidden = scene.unmapped.length === 0;
    panel.setTitle(`${t(lang, 'unplaced.title')} (${formatNumber(lang, scene.unmapped.length)})`);
    intro.textContent = t(lang, 'unplaced.intro');
    keepingSiteFocus(root, () =>
      list.replaceChildren(
        ...scene.unmapped.map((s) =>
          h('li', {}, siteButton(store, s, state.site), s.whyUnplaced ? h('p', { class: 'why' }, s.whyUnplaced) : null),
        ),
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
