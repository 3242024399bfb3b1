/**
 * Ain al-Asad's callout over the map (either renderer): the base's status at the date and its two
 * Turf-measured distances, from the scene. It sits in a corner of the map rather than next to the
 * base, where at regional zooms it would hide al-Tanf, Tower 22 or the towns of the Euphrates: the
 * corner the render host picks as hiding no site (the south-west desert first), with a thin leader
 * line to the base.
 */
import type { RendererHost } from '../render/host.ts';
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Mounts the callout into the map box; returns an unmount function. */
export function mountAinCallout(
  mapEl: HTMLElement,
  store: Store,
  sceneOf: SceneOf,
  renderer: RendererHost,
): () => void {
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
  const leader = document.createElementNS(SVG, 'svg');
  leader.setAttribute('class', 'ain-callout-leader');
  leader.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  leader.append(line);
  const place = () => {
    const at = renderer.status().callout;
    if (el.dataset.corner !== (at?.corner ?? 'bottom-start')) el.dataset.corner = at?.corner ?? 'bottom-start';
    const ends = el.hidden ? null : at?.leader;
    leader.style.display = ends ? '' : 'none';
    if (!ends) return;
    const set = (k: string, v: number) => line.setAttribute(k, v.toFixed(1));
    set('x1', ends[0][0]);
    set('y1', ends[0][1]);
    set('x2', ends[1][0]);
    set('y2', ends[1][1]);
  };
  mapEl.append(leader, el);
  render();
  place();
  const off = store.subscribe(render);
  // Again when the host moves it or the base moves (a pan); not on every status change (each slider
  // step publishes the drawn date).
  let seen = '';
  const offPlace = renderer.subscribe((st) => {
    const key = JSON.stringify(st.callout);
    if (key === seen) return;
    seen = key;
    place();
  });
  return () => {
    off();
    offPlace();
    el.remove();
    leader.remove();
  };
}
