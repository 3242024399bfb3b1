/**
 * Ain al-Asad's callout over the map (either renderer): the base's status at the date and its two
 * Turf-measured distances, from the scene. It sits in the map's empty south-west corner (the Arabian
 * desert) rather than next to the base, where at regional zooms it would hide al-Tanf, Tower 22 or
 * the towns of the Euphrates.
 */
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

/** Mounts the callout into the map box; returns an unmount function. */
export function mountAinCallout(mapEl: HTMLElement, store: Store, sceneOf: SceneOf): () => void {
  const title = h('strong');
  const status = h('span');
  const dist = h('span', { class: 'ain-callout-dist' });
  const deadline = h('span', { class: 'ain-callout-deadline', 'data-testid': 'ain-deadline' });
  const el = h('div', { class: 'ain-callout', 'data-testid': 'ain-callout' }, title, status, deadline, dist);
  const render = () => {
    const ain = sceneOf(store.get()).ain;
    el.hidden = !ain;
    if (!ain) return;
    setText(title, ain.name);
    setText(status, ain.statusText);
    setText(dist, ain.distanceText);
    // The first deadline announced for it (phase 1: by the end of September 2025) against what happened.
    setText(deadline, ain.deadlines[0]?.line ?? '');
    deadline.hidden = ain.deadlines.length === 0;
    if (el.dataset.status !== ain.status) el.dataset.status = ain.status;
  };
  mapEl.append(el);
  render();
  const off = store.subscribe(render);
  return () => {
    off();
    el.remove();
  };
}
