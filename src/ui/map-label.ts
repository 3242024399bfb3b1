/**
 * The map's accessible name and description, the same for the WebGL and the SVG renderer: the map box
 * is a region named "Map of coalition sites … on {date}", described by a short summary of the date
 * (phase and counts by status) that follows the slider. The site list and the table carry the details.
 */
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';

/**
 * Makes mapEl a labelled region described by descEl (which must have an id) and keeps both in step
 * with the date and language; returns an unmount function.
 */
export function mountMapLabel(mapEl: HTMLElement, descEl: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  mapEl.setAttribute('role', 'region');
  mapEl.setAttribute('aria-describedby', descEl.id);
  let lastKey = '';
  const render = () => {
    const scene = sceneOf(store.get());
    const key = `${scene.lang}|${scene.date}`;
    if (key === lastKey) return;
    lastKey = key;
    mapEl.setAttribute('aria-label', scene.title);
    descEl.textContent = scene.summary;
  };
  render();
  const off = store.subscribe(render);
  return () => {
    off();
    for (const a of ['role', 'aria-label', 'aria-describedby']) mapEl.removeAttribute(a);
  };
}
